import "server-only";
// The approval steps: the author submits the draft as it is now, a different person who may approve approves or
// rejects it with a comment. Each step locks the campaign row, so a save or a launch cannot slip in between.
import { defineAction } from "@/lib/actions/safe-action";
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { assertLedgerReady, loadCampaignForChange } from "./campaign-guard";
import type { PreflightSummary } from "./preflight-summary";
import { campaignApprovals, type Campaign, type CampaignApproval } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { readApprovalSetting } from "@/lib/settings/approval";
import { approvalReasons } from "@/lib/settings/approval-schema";
import { eq } from "drizzle-orm";
import { withdrawApproval } from "@/lib/approvals/gate";
import { launchFacts, readBeforeLaunch } from "@/lib/approvals/launch-facts";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { mayApprove, openApproval, personOf } from "@/lib/approvals/queries";
import { approveSchema, rejectSchema, requestApprovalSchema } from "@/lib/approvals/schemas";
import { sameVersion, versionOf } from "@/lib/approvals/version";

const NOT_DRAFT = "Only a draft can be submitted for approval or approved";

export interface ApprovalView {
  id: string;
  campaignId: string;
  status: CampaignApproval["status"];
  recipients: number;
  reasons: string[];
  requestedByEmail: string;
  requestedAt: Date;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

export function approvalView(a: CampaignApproval): ApprovalView {
  return {
    id: a.id,
    campaignId: a.campaignId,
    status: a.status,
    recipients: a.recipients,
    reasons: Array.isArray(a.reasons) ? (a.reasons as string[]) : [],
    requestedByEmail: a.requestedByEmail,
    requestedAt: a.requestedAt,
    decidedByEmail: a.decidedByEmail,
    decidedAt: a.decidedAt,
    comment: a.comment,
  };
}

export const requestApproval = defineAction({
  name: "campaigns.requestApproval",
  access: "supervisor",
  input: requestApprovalSchema,
  handler: async ({ campaignId }, { db, actor, user }) => {
    const template = await readBeforeLaunch(db, getGateway, campaignId);
    return db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", NOT_DRAFT);
      assertLedgerReady(campaign);
      const preflight = campaign.preflight as PreflightSummary;
      if (preflight.blocking.length > 0) throw new UserFacingError("conflict", `Launch is blocked: ${preflight.blocking.join("; ")}. Fix that first`);
      const reasons = approvalReasons(await readApprovalSetting(tx), launchFacts(campaign, preflight.counts.valid, template));
      if (reasons.length === 0) throw new UserFacingError("conflict", "This launch does not need approval: launch it");
      const version = versionOf(campaign);
      const open = await openApproval(tx, campaignId);
      if (open && sameVersion({ recipientsFingerprint: open.recipientsFingerprint, configHash: open.configHash }, version)) {
        throw new UserFacingError(
          "conflict",
          open.status === "approved" ? `Already approved by ${open.decidedByEmail}: launch it` : "This draft is already waiting for approval",
        );
      }
      if (open) await withdrawApproval(tx, open, actor, "Submitted again for a changed draft");
      const [row] = await tx
        .insert(campaignApprovals)
        .values({
          campaignId,
          ...version,
          recipients: preflight.counts.valid,
          reasons,
          requestedBy: await personOf(tx, user),
          requestedByEmail: actor.actorEmail,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: "campaign.approval_requested",
        targetType: "campaign",
        targetId: campaignId,
        diff: { approvalId: row!.id, recipients: preflight.counts.valid, reasons },
      });
      return approvalView(row!);
    });
  },
});

type Decision = "approved" | "rejected";

async function decide(
  tx: Db,
  principal: { id: string; email: string; role: string },
  actor: AuditActor,
  campaignId: string,
  decision: Decision,
  comment: string | undefined,
): Promise<ApprovalView> {
  if (!(await mayApprove(tx, principal))) {
    throw new UserFacingError("forbidden", "Approving launches needs the approver permission, which an admin grants on Settings → Users");
  }
  const campaign: Campaign = await loadCampaignForChange(tx, campaignId, "draft", NOT_DRAFT);
  const open = await openApproval(tx, campaignId);
  if (!open || open.status !== "pending") throw new UserFacingError("conflict", "No approval request is waiting for this campaign");
  const person = await personOf(tx, principal);
  if (person === open.requestedBy || person === campaign.createdBy) {
    throw new UserFacingError("forbidden", "You cannot approve or reject your own campaign: another approver must decide");
  }
  // A save withdraws the request in the same transaction, so this only guards against a version changed some other way.
  if (!sameVersion({ recipientsFingerprint: open.recipientsFingerprint, configHash: open.configHash }, versionOf(campaign))) {
    await withdrawApproval(tx, open, actor, "The draft changed before a decision");
    throw new UserFacingError("conflict", "The draft changed since approval was requested; the request was withdrawn");
  }
  const [row] = await tx
    .update(campaignApprovals)
    .set({ status: decision, decidedBy: person, decidedByEmail: actor.actorEmail, decidedAt: new Date(), comment: comment || null })
    .where(eq(campaignApprovals.id, open.id))
    .returning();
  await recordAudit(tx, actor, {
    action: decision === "approved" ? "campaign.approved" : "campaign.rejected",
    targetType: "campaign",
    targetId: campaignId,
    diff: { approvalId: open.id, status: { from: "pending", to: decision }, requestedBy: open.requestedByEmail, ...(comment ? { comment } : {}) },
  });
  return approvalView(row!);
}

export const approveCampaign = defineAction({
  name: "campaigns.approve",
  access: "viewer",
  input: approveSchema,
  handler: async ({ campaignId, comment }, { db, actor, user }) => db.transaction((tx) => decide(tx, user, actor, campaignId, "approved", comment)),
});

export const rejectCampaign = defineAction({
  name: "campaigns.reject",
  access: "viewer",
  input: rejectSchema,
  handler: async ({ campaignId, comment }, { db, actor, user }) => db.transaction((tx) => decide(tx, user, actor, campaignId, "rejected", comment)),
});
