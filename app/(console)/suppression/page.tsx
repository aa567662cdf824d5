import type { Metadata } from "next";
import { ShieldBan } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Suppression list" };

export default function SuppressionPage() {
  return (
    <>
      <PageHeader title="Suppression list" description="Numbers that must never be contacted." />
      <EmptyState icon={ShieldBan} title="No suppressed numbers">
        Numbers added here, or that reply with an opt-out keyword, are excluded from every campaign.
      </EmptyState>
    </>
  );
}
