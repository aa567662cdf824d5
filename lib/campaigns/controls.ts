import "server-only";
// Pause, resume and cancel by a person: conditional status changes, audited in the same transaction. The dispatcher
// re-reads the status before every batch, so each takes effect within a second; sends already in flight finish.
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { CANCELLED_REASON, countRemaining, SKIP_BATCH_ROWS, skipRemaining } from "@/lib/ledger/skip-remaining";
import { UserFacingError } from "@/lib/errors";
import { getCampaign, transitionCampaign } from "./queries";
import { campaignIdSchema } from "./schemas";
import { STATUS_LABEL, canTransition, type CampaignStatus } from "./status";

async function load(db: Parameters<typeof getCampaign>[0], id: string) {
  const campaign = await getCampaign(db, id);
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  return campaign;
}

function refuse(from: CampaignStatus, verb: string): never {
  throw new UserFacingError("conflict", `A ${STATUS_LABEL[from].toLowerCase()} campaign cannot be ${verb}`);
}

export const pauseCampaign = defineAction({
  name: "campaigns.pause",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) =>
    db.transaction(async (tx) => {
      const c = await load(tx, campaignId);
      if (!canTransition(c.status, "paused")) refuse(c.status, "paused");
      const reason = `Paused by ${actor.actorEmail}`;
      const moved = await transitionCampaign(tx, c.id, c.status, "paused", { pauseReason: reason, waitingReason: null });
      if (!moved) throw new UserFacingError("conflict", "The campaign changed meanwhile; reload it");
      await recordAudit(tx, actor, {
        action: "campaign.paused",
        targetType: "campaign",
        targetId: c.id,
        diff: { status: { from: c.status, to: "paused" }, reason },
      });
      return { id: moved.id, status: moved.status };
    }),
});

export const resumeCampaign = defineAction({
  name: "campaigns.resume",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) =>
    db.transaction(async (tx) => {
      const c = await load(tx, campaignId);
      if (c.status !== "paused") refuse(c.status, "resumed");
      // A campaign paused before its start time goes back to waiting for it.
      const to: CampaignStatus = c.scheduledAt && c.scheduledAt > new Date() ? "scheduled" : "running";
      const moved = await transitionCampaign(tx, c.id, "paused", to, { pauseReason: null });
      if (!moved) throw new UserFacingError("conflict", "The campaign changed meanwhile; reload it");
      await recordAudit(tx, actor, {
        action: "campaign.resumed",
        targetType: "campaign",
        targetId: c.id,
        diff: { status: { from: "paused", to: moved.status }, previousReason: c.pauseReason },
      });
      return { id: moved.id, status: moved.status };
    }),
});

export const cancelCampaign = defineAction({
  name: "campaigns.cancel",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) => {
    // The cancel itself is one short transaction: from then on no dispatcher claims a row of this campaign.
    const moved = await db.transaction(async (tx) => {
      const c = await load(tx, campaignId);
      if (c.status === "draft") throw new UserFacingError("conflict", "A draft is not running: delete it instead");
      if (!canTransition(c.status, "cancelled")) refuse(c.status, "cancelled");
      const row = await transitionCampaign(tx, c.id, c.status, "cancelled", { finishedAt: new Date(), waitingReason: null });
      if (!row) throw new UserFacingError("conflict", "The campaign changed meanwhile; reload it");
      const remaining = await countRemaining(tx, c.id);
      await recordAudit(tx, actor, {
        action: "campaign.cancelled",
        targetType: "campaign",
        targetId: c.id,
        diff: { status: { from: c.status, to: "cancelled" }, remaining },
      });
      return row;
    });
    // The rows are then skipped in batches, so a million of them never hold the database; the dispatcher's sweep
    // finishes any a stopped process left.
    const skipped = await skipRemaining(db, moved.id, CANCELLED_REASON, { batchRows: SKIP_BATCH_ROWS });
    return { id: moved.id, status: moved.status, skipped };
  },
});
