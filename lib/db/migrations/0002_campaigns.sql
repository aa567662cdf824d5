CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."chat_channel" AS ENUM('sms', 'whatsapp');--> statement-breakpoint
CREATE TYPE "public"."preflight_status" AS ENUM('valid', 'invalid', 'duplicate', 'suppressed');--> statement-breakpoint
CREATE TYPE "public"."send_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'skipped');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "campaign_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"phone_raw" text NOT NULL,
	"phone" text,
	"name" text,
	"attributes" jsonb,
	"variables" jsonb,
	"preflight_status" "preflight_status" NOT NULL,
	"reason" text,
	"duplicate_of_line" integer,
	"send_status" "send_status",
	"attempts" integer DEFAULT 0 NOT NULL,
	"contact_id" text,
	"aws_request_id" text,
	"last_error_name" text,
	"last_error_message" text,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"pause_reason" text,
	"channel" "chat_channel" NOT NULL,
	"instance_id" text NOT NULL,
	"contact_flow_id" text NOT NULL,
	"source_phone_number_arn" text NOT NULL,
	"config" jsonb NOT NULL,
	"preflight" jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_by_email" text NOT NULL,
	"launched_by" uuid,
	"launched_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"phone" text PRIMARY KEY NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD CONSTRAINT "campaign_recipients_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_recipients_line_uq" ON "campaign_recipients" USING btree ("campaign_id","line");--> statement-breakpoint
CREATE INDEX "campaign_recipients_send_idx" ON "campaign_recipients" USING btree ("campaign_id","send_status","id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_preflight_idx" ON "campaign_recipients" USING btree ("campaign_id","preflight_status","id");--> statement-breakpoint
CREATE INDEX "campaign_recipients_phone_idx" ON "campaign_recipients" USING btree ("campaign_id","phone");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_created_idx" ON "campaigns" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "suppressions_created_idx" ON "suppressions" USING btree ("created_at");