CREATE TABLE "recipient_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text,
	"byte_size" integer NOT NULL,
	"row_count" integer NOT NULL,
	"header" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_sources" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_sources" ADD COLUMN "upload_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "recipients_fingerprint" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ledger_state" text DEFAULT 'ready' NOT NULL;--> statement-breakpoint
ALTER TABLE "recipient_uploads" ADD CONSTRAINT "recipient_uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recipient_uploads_created_idx" ON "recipient_uploads" USING btree ("created_by","created_at");--> statement-breakpoint
ALTER TABLE "campaign_sources" ADD CONSTRAINT "campaign_sources_upload_id_recipient_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."recipient_uploads"("id") ON DELETE no action ON UPDATE no action;