CREATE TABLE "rate_limiters" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"rate" double precision NOT NULL,
	"configured_rate" double precision NOT NULL,
	"burst" double precision NOT NULL,
	"refilled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "waiting_reason" text;