import "server-only";
// Where approval meets the rest of the campaign's life: launch refuses without an approval of the current version,
// and saving a draft withdraws a request made for an earlier one.
import { eq } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { campaignApprovals, campaigns, type Campaign, type CampaignApproval } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { readApprovalSetting } from "@/lib/settings/approval";
import { approvalReasons, needsTemplateCategory } from "@/lib/settings/approval-schema";
import { launchFacts, readTemplateCategory, type GatewaySource, type TemplateRead } from "./launch-facts";
import { openApproval } from "./queries";
import { sameVersion, versionOf, type DraftVersion } from "./version";

/** The part of a campaign's stored preflight summary the approval rule reads (lib/campaigns writes it). */
interface StoredPreflight {
  counts: { valid: number };
}

export async function withdrawApproval(tx: Db, request: CampaignApproval, actor: AuditActor, reason: string): Promise<void> {
  await tx.update(campaignApprovals).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(campaignApprovals.id, request.id));
  await recordAudit(tx, actor, {
    action: "campaign.approval_withdrawn",
    targetType: "campaign",
    targetId: request.campaignId,
    diff: { approvalId: request.id, status: { from: request.status, to: "withdrawn" }, reason },
  });
}

/** Called as a draft is stored again: a pending or approved request for anything but the new version is withdrawn. */
export async function withdrawIfEdited(tx: Db, campaignId: string, next: DraftVersion, actor: AuditActor): Promise<void> {
  const open = await openApproval(tx, campaignId);
  if (open && !sameVersion({ recipientsFingerprint: open.recipientsFingerprint, configHash: open.configHash }, next)) {
    await withdrawApproval(tx, open, actor, "The draft was edited");
  }
}

/**
 * Launch's check: when the setting asks for approval of this launch, a request approved for exactly this version must
 * exist (409 otherwise, saying what to do). `template` is the category read before the transaction (readBeforeLaunch).
 * Returns the approval used, for the launch's audit entry.
 */
export async function assertLaunchApproved(
  tx: Db,
  campaign: Campaign,
  valid: number,
  template: TemplateRead | undefined,
): Promise<CampaignApproval | undefined> {
  const reasons = approvalReasons(await readApprovalSetting(tx), launchFacts(campaign, valid, template));
  if (reasons.length === 0) return undefined;
  const open = await openApproval(tx, campaign.id);
  const why = reasons.join("; ");
  if (!open) throw new UserFacingError("conflict", `This launch needs approval (${why}): submit it for approval first`);
  if (!sameVersion({ recipientsFingerprint: open.recipientsFingerprint, configHash: open.configHash }, versionOf(campaign))) {
    throw new UserFacingError("conflict", "This launch needs approval and the draft changed since the request: submit it for approval again");
  }
  if (open.status === "pending") {
    throw new UserFacingError("conflict", `This launch needs approval and is still waiting for it (asked by ${open.requestedByEmail})`);
  }
  return open;
}

/**
 * Whether launching this draft now would be refused for want of approval (no approval of this very version yet). The
 * gateway is asked for the template's category only when the setting needs it.
 */
export async function launchNeedsApproval(db: Db, gateway: GatewaySource, campaignId: string): Promise<boolean> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign || campaign.status !== "draft") return false;
  const valid = (campaign.preflight as StoredPreflight).counts.valid;
  const setting = await readApprovalSetting(db);
  const template = needsTemplateCategory(setting, campaign.channel) ? await readTemplateCategory(gateway, campaign) : undefined;
  if (approvalReasons(setting, launchFacts(campaign, valid, template)).length === 0) return false;
  const open = await openApproval(db, campaignId);
  return !(open?.status === "approved" && sameVersion({ recipientsFingerprint: open.recipientsFingerprint, configHash: open.configHash }, versionOf(campaign)));
}
