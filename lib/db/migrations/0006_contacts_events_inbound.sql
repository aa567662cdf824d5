CREATE TYPE "public"."contact_origin" AS ENUM('campaign', 'test_send', 'chat_event', 'inbound');--> statement-breakpoint
CREATE TYPE "public"."contact_state" AS ENUM('open', 'ended', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."inbound_status" AS ENUM('queued', 'forwarded', 'failed');--> statement-breakpoint
CREATE TABLE "chat_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text NOT NULL,
	"actor_email" text NOT NULL,
	"integration_id" uuid,
	"inbound_message_id" bigint,
	"instance_id" text,
	"channel" "chat_channel" NOT NULL,
	"source_id" text NOT NULL,
	"destination_id" text NOT NULL,
	"destination_phone" text,
	"destination_phone_number_arn" text,
	"event_type" text NOT NULL,
	"content_type" text,
	"content" text,
	"new_session" jsonb,
	"status" text NOT NULL,
	"contact_id" text,
	"new_chat_created" boolean,
	"request_id" text,
	"error_name" text,
	"error_message" text
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"contact_id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"channel" "chat_channel" NOT NULL,
	"customer_phone" text NOT NULL,
	"source_phone" text,
	"source_phone_number_arn" text,
	"origin" "contact_origin" NOT NULL,
	"campaign_id" uuid,
	"recipient_id" bigint,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" "contact_state" DEFAULT 'open' NOT NULL,
	"initiation_method" text,
	"initiated_at" timestamp with time zone,
	"disconnected_at" timestamp with time zone,
	"disconnect_reason" text,
	"last_checked_at" timestamp with time zone,
	"check_error" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "inbound_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"channel" "chat_channel" NOT NULL,
	"instance_id" text NOT NULL,
	"phone_number_arn" text NOT NULL,
	"phone_number" text NOT NULL,
	"destination_arn" text NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"secret_prefix" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"integration_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provider_timestamp" timestamp with time zone,
	"from_phone" text NOT NULL,
	"to_phone" text NOT NULL,
	"type" text NOT NULL,
	"text" text,
	"status" "inbound_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error_name" text,
	"last_error_message" text,
	"forwarded_at" timestamp with time zone,
	"contact_id" text,
	"new_chat_created" boolean,
	"campaign_id" uuid,
	"recipient_id" bigint,
	"opt_out" text
);
--> statement-breakpoint
CREATE TABLE "inbound_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"integration_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"ip" text,
	"body_excerpt" text
);
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "reply_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_integration_id_inbound_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."inbound_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_events_created_idx" ON "chat_events" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "chat_events_contact_idx" ON "chat_events" USING btree ("contact_id","id");--> statement-breakpoint
CREATE INDEX "contacts_created_idx" ON "contacts" USING btree ("created_at","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_campaign_idx" ON "contacts" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "contacts_state_checked_idx" ON "contacts" USING btree ("state","last_checked_at","created_at");--> statement-breakpoint
CREATE INDEX "contacts_campaign_created_idx" ON "contacts" USING btree ("campaign_id","created_at","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("customer_phone","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_message_uq" ON "inbound_messages" USING btree ("integration_id","message_id");--> statement-breakpoint
CREATE INDEX "inbound_messages_chat_idx" ON "inbound_messages" USING btree ("integration_id","from_phone","id");--> statement-breakpoint
CREATE INDEX "inbound_messages_queue_idx" ON "inbound_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_contact_idx" ON "inbound_messages" USING btree ("contact_id","id");--> statement-breakpoint
CREATE INDEX "inbound_rejections_received_idx" ON "inbound_rejections" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "inbound_rejections_integration_received_idx" ON "inbound_rejections" USING btree ("integration_id","received_at");--> statement-breakpoint
CREATE INDEX "campaign_recipients_reply_idx" ON "campaign_recipients" USING btree ("phone","sent_at");--> statement-breakpoint
CREATE INDEX "campaign_recipients_replied_idx" ON "campaign_recipients" USING btree ("campaign_id","reply_count") WHERE "campaign_recipients"."replied_at" is not null;