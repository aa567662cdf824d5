import type { Metadata } from "next";
import Link from "next/link";
import { CheckCheck } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listApprovals, mayApprove, personOf } from "@/lib/approvals/queries";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/runtime/current";
import { DecisionButtons } from "./decision-buttons";

export const metadata: Metadata = { title: "Approvals" };
export const dynamic = "force-dynamic";

const CHANNEL = { sms: "SMS", whatsapp: "WhatsApp" } as const;

export default async function ApprovalsPage() {
  const user = await requirePageUser("viewer");
  const db = await getDb();
  const [pending, canApprove, me] = await Promise.all([listApprovals(db, "pending"), mayApprove(db, user), personOf(db, user)]);
  return (
    <>
      <PageHeader
        title="Approvals"
        description={
          canApprove
            ? "Launches waiting for a second person. You cannot decide on launches you asked for or campaigns you created."
            : "Launches waiting for a second person. Only admins and users an admin made approvers can decide."
        }
      />
      {pending.length === 0 ? (
        <EmptyState icon={CheckCheck} title="Nothing is waiting for approval" />
      ) : (
        <Table aria-label="Pending approvals">
          <THead>
            <tr>
              <TH>Campaign</TH>
              <TH>Asked by</TH>
              <TH className="text-right">Recipients</TH>
              <TH>Channel</TH>
              <TH>Asked</TH>
              <TH>Decision</TH>
            </tr>
          </THead>
          <TBody>
            {pending.map((a) => (
              <TR key={a.id} data-testid={`approval-row-${a.campaignName}`}>
                <TD className="font-medium">
                  <Link className="text-primary hover:underline" href={`/campaigns/${a.campaignId}`}>
                    {a.campaignName}
                  </Link>
                  {a.reasons.map((r) => (
                    <p key={r} className="text-xs text-muted-foreground">
                      {r}
                    </p>
                  ))}
                </TD>
                <TD>{a.requestedByEmail}</TD>
                <TD className="text-right tabular-nums">{a.recipients.toLocaleString("en-US")}</TD>
                <TD>
                  <Badge>{CHANNEL[a.channel]}</Badge>
                </TD>
                <TD className="whitespace-nowrap">
                  <DateTime at={a.requestedAt} relative />
                </TD>
                <TD>
                  {!canApprove ? (
                    <span className="text-xs text-muted-foreground">Needs an approver</span>
                  ) : a.requestedBy === me ? (
                    <span className="text-xs text-muted-foreground">Your request: another approver decides</span>
                  ) : (
                    <DecisionButtons campaignId={a.campaignId} campaignName={a.campaignName} />
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
