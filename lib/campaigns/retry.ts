import "server-only";
// Retry failed: the failed rows of a campaign go back to pending, to be sent again by the dispatcher. Each keeps its
// ClientToken (derived from the campaign and the number), so a recipient whom Connect did reach although the ledger
// recorded a failure (a timeout after Connect had accepted the call) gets the same contact back, not a second chat.
import { and, eq, sql } from "drizzle-orm";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { transitionCampaign } from "./queries";
import { campaignIdSchema } from "./schemas";
import type { CampaignStatus } from "./status";

const REFUSED: Partial<Record<CampaignStatus, string>> = {
  draft: "A draft has not been sent yet: launch it instead",
  cancelled: "A cancelled campaign cannot be retried: its remaining recipients were skipped on purpose",
};

/**
 * Failed → pending, due now, attempts from zero. The last error stays on the row for the record until the next
 * attempt replaces it, so the table and the errors panel still say what happened; the row's status says it is queued.
 */
async function requeueFailed(db: Db, campaignId: string): Promise<number> {
  const rows = await db
    .update(r)
    .set({ sendStatus: "pending", nextAttemptAt: null, attempts: 0, claimedBy: null, leaseUntil: null, updatedAt: sql`now()` })
    .where(and(eq(r.campaignId, campaignId), eq(r.sendStatus, "failed")))
    .returning({ id: r.id });
  return rows.length;
}

export const retryFailed = defineAction({
  name: "campaigns.retryFailed",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor }) =>
    db.transaction(async (tx) => {
      // Locked until commit, so the dispatcher's "nothing left, complete it" cannot interleave with the re-queue.
      const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
      if (!c) throw new UserFacingError("not_found", "No campaign with this id");
      const refusal = REFUSED[c.status];
      if (refusal) throw new UserFacingError("conflict", refusal);
      const requeued = await requeueFailed(tx, c.id);
      if (requeued === 0) throw new UserFacingError("conflict", "No recipient of this campaign has failed: there is nothing to retry");
      // A completed campaign sends again; a paused one stays paused until someone resumes it; a running or scheduled
      // one simply has more to send.
      let status: CampaignStatus = c.status;
      if (c.status === "completed") {
        const moved = await transitionCampaign(tx, c.id, "completed", "running", { finishedAt: null, waitingReason: null, pauseReason: null });
        if (!moved) throw new UserFacingError("conflict", "The campaign changed meanwhile; reload it");
        status = moved.status;
      }
      await recordAudit(tx, actor, {
        action: "campaign.retry_failed",
        targetType: "campaign",
        targetId: c.id,
        diff: { requeued, ...(status !== c.status ? { status: { from: c.status, to: status } } : { status: c.status }) },
      });
      return { id: c.id, status, requeued };
    }),
});
