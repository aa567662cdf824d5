import type { Metadata } from "next";
import { Megaphone } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" description="Outbound SMS and WhatsApp campaigns and their progress." />
      <EmptyState icon={Megaphone} title="No campaigns yet">
        Campaigns you compose and launch appear here with their status and progress.
      </EmptyState>
    </>
  );
}
