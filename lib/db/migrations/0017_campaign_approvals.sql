CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "campaign_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"status" "approval_status" DEFAULT 'pending' NOT NULL,
	"recipients_fingerprint" text,
	"config_hash" text NOT NULL,
	"recipients" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_email" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_by_email" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "can_approve" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_approvals" ADD CONSTRAINT "campaign_approvals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_approvals_campaign_idx" ON "campaign_approvals" USING btree ("campaign_id","requested_at");--> statement-breakpoint
CREATE INDEX "campaign_approvals_pending_idx" ON "campaign_approvals" USING btree ("requested_at") WHERE "campaign_approvals"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_approvals_open_idx" ON "campaign_approvals" USING btree ("campaign_id") WHERE "campaign_approvals"."status" in ('pending', 'approved');