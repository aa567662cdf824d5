import "server-only";
import { defineAction } from "@/lib/actions/safe-action";
import { assertLaunchApproved } from "@/lib/approvals/gate";
import { readBeforeLaunch } from "@/lib/approvals/launch-facts";
import { recordAudit } from "@/lib/audit/record";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { UserFacingError } from "@/lib/errors";
import { LEDGER_BUSY_MESSAGE, LEDGER_STOPPED, assertLedgerReady, loadCampaignForChange, saveInProgress } from "./campaign-guard";
import { deleteLedgerRows } from "@/lib/ledger/bulk-write";
import { invalidShare } from "./invalid-reasons";
import { campaignDeadline, type DeadlineSettings } from "./deadline";
import { launchNeeds } from "./launch-needs";
import { launchConfirmRules, preflightLimits } from "./limits";
import { runServerPreflight } from "./preflight-server";
import type { PreflightSummary } from "./preflight-summary";
import { deleteDraft as deleteDraftRow, transitionCampaign, updateDraft } from "./queries";
import { saveDraftCore, saveDraftSchema } from "./save-draft";
import { campaignIdSchema, campaignInputSchema, launchSchema } from "./schemas";

const DELETE_LAUNCHED = "Only drafts can be deleted; cancel a launched campaign instead";

export const previewPreflight = defineAction({
  name: "campaigns.preflight",
  access: "supervisor",
  input: campaignInputSchema,
  handler: async (input, { db }) => (await runServerPreflight(db, await getGateway(), input, await preflightLimits(db))).summary,
});

export const saveDraft = defineAction({
  name: "campaigns.saveDraft",
  access: "supervisor",
  input: saveDraftSchema,
  handler: async (input, { db, actor, user }) => saveDraftCore(db, await getGateway(), input, { actor, user }, await preflightLimits(db)),
});

export const deleteDraft = defineAction({
  name: "campaigns.deleteDraft",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) => {
    // A large draft's rows go a batch at a time first; the draft is marked incomplete meanwhile, so if the delete
    // stops part-way it cannot be launched with half its rows.
    await db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", DELETE_LAUNCHED);
      if (saveInProgress(campaign)) throw new UserFacingError("conflict", LEDGER_BUSY_MESSAGE);
      await updateDraft(tx, campaign.id, { ledgerState: LEDGER_STOPPED });
    });
    await deleteLedgerRows(db, campaignId);
    return db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", DELETE_LAUNCHED);
      // A save that began after the rows went would leave rows behind with no campaign: the user deletes again after it.
      if (saveInProgress(campaign)) throw new UserFacingError("conflict", LEDGER_BUSY_MESSAGE);
      await deleteDraftRow(tx, campaign.id);
      await recordAudit(tx, actor, { action: "campaign.deleted", targetType: "campaign", targetId: campaign.id, diff: { name: campaign.name } });
      return { campaignId: campaign.id };
    });
  },
});

export const launchCampaign = defineAction({
  name: "campaigns.launch",
  access: "supervisor",
  input: launchSchema,
  handler: async ({ campaignId, confirmRecipients, confirmInvalid }, { db, actor, user }) => {
    // Connect is asked before the campaign row is locked; the check in the transaction holds the read to this draft.
    const template = await readBeforeLaunch(db, getGateway, campaignId);
    return db.transaction(async (tx) => {
      const campaign = await loadCampaignForChange(tx, campaignId, "draft", "This campaign has already been launched");
      assertLedgerReady(campaign);
      const preflight = campaign.preflight as PreflightSummary;
      if (preflight.blocking.length > 0) throw new UserFacingError("conflict", `Launch is blocked: ${preflight.blocking.join("; ")}`);
      if (preflight.counts.valid !== confirmRecipients) {
        throw new UserFacingError(
          "conflict",
          `The campaign now has ${preflight.counts.valid.toLocaleString("en-US")} recipients, not ${confirmRecipients.toLocaleString("en-US")}: review it and confirm again`,
        );
      }
      // The rules as configured now, not as they were when the draft was checked.
      const needsInvalid = launchNeeds({ ...preflight, launchConfirm: launchConfirmRules() }).confirmInvalid;
      const invalidConfirmed = needsInvalid && confirmInvalid === preflight.counts.invalid;
      if (needsInvalid && !invalidConfirmed) {
        const percent = Math.round(invalidShare(preflight.counts, preflight.total) * 100);
        throw new UserFacingError(
          "conflict",
          `${preflight.counts.invalid.toLocaleString("en-US")} of ${preflight.total.toLocaleString("en-US")} rows (${percent} %) are invalid and will not be sent: fix the list, or confirm that count as confirmInvalid to launch anyway`,
        );
      }
      const approval = await assertLaunchApproved(tx, campaign, preflight.counts.valid, template);
      const now = new Date();
      const scheduledAt = campaign.scheduledAt && campaign.scheduledAt > now ? campaign.scheduledAt : now;
      // Launched past its end time, every row would only be expired: say so instead of sending nobody.
      const endsAt = campaignDeadline(campaign.config as DeadlineSettings, scheduledAt);
      if (endsAt && endsAt <= scheduledAt) {
        throw new UserFacingError(
          "conflict",
          `The campaign's end time (${endsAt.toISOString().replace("T", " ").slice(0, 16)} UTC) is not after its start: change the end time and launch again`,
        );
      }
      const launched = await transitionCampaign(tx, campaign.id, "draft", "scheduled", { launchedBy: user.id, launchedAt: now, scheduledAt });
      if (!launched) throw new UserFacingError("conflict", "The campaign changed while launching; reload it");
      await recordAudit(tx, actor, {
        action: "campaign.launched",
        targetType: "campaign",
        targetId: campaign.id,
        diff: {
          status: { from: "draft", to: "scheduled" },
          recipients: preflight.counts.valid,
          scheduledAt: scheduledAt.toISOString(),
          ...(invalidConfirmed ? { invalidConfirmed: preflight.counts.invalid } : {}),
          ...(approval ? { approvedBy: approval.decidedByEmail } : {}),
          ...((campaign.config as { frequencyCap?: string }).frequencyCap === "exempt" ? { frequencyCapExempt: true } : {}),
        },
      });
      return { id: launched.id, status: launched.status, scheduledAt: launched.scheduledAt };
    });
  },
});
