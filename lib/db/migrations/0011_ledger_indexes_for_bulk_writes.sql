DROP INDEX "campaign_recipients_preflight_idx";--> statement-breakpoint
DROP INDEX "campaign_recipients_sent_at_idx";--> statement-breakpoint
CREATE INDEX "campaign_recipients_not_sendable_idx" ON "campaign_recipients" USING btree ("campaign_id","preflight_status","line") WHERE "campaign_recipients"."preflight_status" <> 'valid';--> statement-breakpoint
CREATE INDEX "campaign_recipients_sent_at_idx" ON "campaign_recipients" USING btree ("campaign_id","sent_at","line") WHERE "campaign_recipients"."sent_at" is not null;