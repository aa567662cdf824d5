CREATE TABLE "campaign_sources" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"file_name" text,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_sources" ADD CONSTRAINT "campaign_sources_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;