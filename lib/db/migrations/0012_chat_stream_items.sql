CREATE TABLE "chat_stream_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"topic_arn" text NOT NULL,
	"contact_id" text NOT NULL,
	"initial_contact_id" text NOT NULL,
	"instance_id" text,
	"item_id" text NOT NULL,
	"type" text NOT NULL,
	"content_type" text NOT NULL,
	"participant_role" text,
	"participant_id" text,
	"content" text,
	"absolute_time" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"effect" text,
	"matched_chat_event_id" bigint
);
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_stream_items_message_uq" ON "chat_stream_items" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_stream_items_item_uq" ON "chat_stream_items" USING btree ("initial_contact_id","item_id");--> statement-breakpoint
CREATE INDEX "chat_stream_items_chat_idx" ON "chat_stream_items" USING btree ("initial_contact_id","absolute_time","id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_stream_items_chat_event_uq" ON "chat_stream_items" USING btree ("matched_chat_event_id") WHERE "chat_stream_items"."matched_chat_event_id" is not null;