// Where the campaign stands with two-person approval: waiting (who asked), approved (by whom), rejected (with the
// comment), withdrawn by an edit; and the next step for the reader. Nothing when approval never came into it.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { launchNeedsApproval } from "@/lib/approvals/gate";
import { latestApproval, mayApprove, personOf } from "@/lib/approvals/queries";
import type { SessionUser } from "@/lib/auth/session";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { hasRole } from "@/lib/auth/roles";
import type { Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { DecisionButtons } from "../../approvals/decision-buttons";
import { SubmitApprovalButton } from "./submit-approval-button";

export async function ApprovalCard({ db, campaign, user }: { db: Db; campaign: Campaign; user: SessionUser }) {
  const [latest, needed] = await Promise.all([latestApproval(db, campaign.id), launchNeedsApproval(db, getGateway, campaign.id)]);
  if (!latest && !needed) return null;
  const draft = campaign.status === "draft";
  const [approver, me] = await Promise.all([mayApprove(db, user), personOf(db, user)]);
  const mayDecide = draft && latest?.status === "pending" && approver && me !== latest.requestedBy && me !== campaign.createdBy;
  const maySubmit = draft && needed && latest?.status !== "pending" && hasRole(user.role, "supervisor");

  return (
    <Card className="mb-4" data-testid="approval-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Approval
          {latest ? <ApprovalBadge status={latest.status} /> : <Badge tone="warning">Needed</Badge>}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {latest?.status === "pending" ? (
          <p data-testid="approval-state">
            Waiting for approval, asked by {latest.requestedByEmail} at <DateTime at={latest.requestedAt} /> for {latest.recipients.toLocaleString("en-US")}{" "}
            recipients.
          </p>
        ) : null}
        {latest?.status === "approved" ? (
          <p data-testid="approval-state">
            Approved by {latest.decidedByEmail} at <DateTime at={latest.decidedAt} />
            {latest.comment ? `: “${latest.comment}”` : "."} {draft ? "It can be launched as it is; editing it withdraws the approval." : ""}
          </p>
        ) : null}
        {latest?.status === "rejected" ? (
          <p data-testid="approval-state">
            Rejected by {latest.decidedByEmail} at <DateTime at={latest.decidedAt} />: “{latest.comment}”
          </p>
        ) : null}
        {latest?.status === "withdrawn" ? (
          <p data-testid="approval-state">
            The request of <DateTime at={latest.requestedAt} /> was withdrawn because the draft changed.
          </p>
        ) : null}
        {latest && Array.isArray(latest.reasons) && latest.status === "pending"
          ? (latest.reasons as string[]).map((r) => (
              <p key={r} className="text-muted-foreground">
                {r}
              </p>
            ))
          : null}
        {maySubmit ? (
          <>
            <p className="text-muted-foreground">This launch needs a second person&apos;s approval before it can be sent.</p>
            <SubmitApprovalButton campaignId={campaign.id} />
          </>
        ) : null}
        {mayDecide ? <DecisionButtons campaignId={campaign.id} campaignName={campaign.name} /> : null}
      </CardContent>
    </Card>
  );
}

function ApprovalBadge({ status }: { status: "pending" | "approved" | "rejected" | "withdrawn" }) {
  if (status === "approved") return <Badge tone="success">Approved</Badge>;
  if (status === "rejected") return <Badge tone="danger">Rejected</Badge>;
  if (status === "withdrawn") return <Badge>Withdrawn</Badge>;
  return <Badge tone="warning">Waiting</Badge>;
}
