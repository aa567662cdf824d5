import type { Metadata } from "next";
import Link from "next/link";
import { Megaphone, Plus } from "lucide-react";
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { listRecentCampaigns } from "@/lib/campaigns/queries";
import { getDb } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await requirePageUser("viewer");
  const campaigns = await listRecentCampaigns(await getDb(), 200);
  const canCompose = hasRole(user.role, "supervisor");
  const newButton = canCompose ? (
    <Button asChild>
      <Link href="/campaigns/new">
        <Plus className="size-4" aria-hidden />
        New campaign
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title="Campaigns" description="Outbound SMS and WhatsApp campaigns and their progress." actions={newButton} />
      {campaigns.length === 0 ? (
        <EmptyState icon={Megaphone} title="No campaigns yet">
          {canCompose ? "Start with New campaign: pick a flow, a number and recipients, and check every row before you send." : "Campaigns appear here once a supervisor creates one."}
        </EmptyState>
      ) : (
        <Table aria-label="Campaigns">
          <THead>
            <tr>
              <TH>Name</TH>
              <TH>Channel</TH>
              <TH>Status</TH>
              <TH className="text-right">Recipients</TH>
              <TH>Created by</TH>
              <TH>Created</TH>
            </tr>
          </THead>
          <TBody>
            {campaigns.map((c) => (
              <TR key={c.id}>
                <TD>
                  <Link href={`/campaigns/${c.id}`} className="font-medium text-primary hover:underline">
                    {c.name}
                  </Link>
                </TD>
                <TD>{c.channel === "sms" ? "SMS" : "WhatsApp"}</TD>
                <TD>
                  <CampaignStatusBadge status={c.status} />
                </TD>
                <TD className="text-right tabular-nums">{(c.preflight as PreflightSummary).counts.valid.toLocaleString("en-US")}</TD>
                <TD className="text-muted-foreground">{c.createdByEmail}</TD>
                <TD className="text-muted-foreground">{c.createdAt.toLocaleString("en-US", { timeZone: "UTC" })} UTC</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
