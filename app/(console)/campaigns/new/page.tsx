import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ComposerOnDemand } from "../compose/composer-on-demand";
import { emptyCampaign } from "../compose/form-values";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  await requirePageUser("supervisor");
  return (
    <>
      <PageHeader title="New campaign" description="Choose where it sends from, who gets it and what they read; check the recipients, then launch." />
      <ComposerOnDemand initial={emptyCampaign()} />
    </>
  );
}
