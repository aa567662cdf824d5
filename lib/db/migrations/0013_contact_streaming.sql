ALTER TABLE "contacts" ADD COLUMN "stream_status" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "streaming_id" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "stream_topic_arn" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "stream_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "stream_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "stream_error" text;--> statement-breakpoint
CREATE INDEX "contacts_stream_due_idx" ON "contacts" USING btree ("instance_id","created_at") WHERE "contacts"."state" = 'open' and ("contacts"."stream_status" is null or "contacts"."stream_status" = 'pending');