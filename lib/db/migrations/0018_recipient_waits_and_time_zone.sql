CREATE TYPE "public"."wait_kind" AS ENUM('send_window', 'frequency_cap');--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "wait_kind" "wait_kind";--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "wait_reason" text;--> statement-breakpoint
CREATE INDEX "campaign_recipients_waiting_idx" ON "campaign_recipients" USING btree ("campaign_id","wait_kind","line") WHERE "campaign_recipients"."wait_kind" is not null;--> statement-breakpoint
CREATE INDEX "campaign_recipients_next_attempt_idx" ON "campaign_recipients" USING btree ("campaign_id","next_attempt_at") WHERE "campaign_recipients"."send_status" = 'pending' and "campaign_recipients"."next_attempt_at" is not null;