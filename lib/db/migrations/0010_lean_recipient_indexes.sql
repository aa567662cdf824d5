DROP INDEX "campaign_recipients_send_idx";--> statement-breakpoint
DROP INDEX "campaign_recipients_phone_idx";--> statement-breakpoint
DROP INDEX "campaign_recipients_reply_idx";--> statement-breakpoint
CREATE INDEX "campaign_recipients_reply_idx" ON "campaign_recipients" USING btree ("phone","sent_at") WHERE "campaign_recipients"."sent_at" is not null;