import "server-only";
// Retry failed: the failed rows of a campaign go back to pending, to be sent again by the dispatcher. Each keeps its
// ClientToken (derived from the campaign and the number), so a recipient whom Connect did reach although the ledger
// recorded a failure (a timeout after Connect had accepted the call) gets the same contact back, not a second chat.
// That holds only while Connect remembers the token (7 days): rows past it whose outcome is unknown are held back
// unless the caller explicitly includes them (see retry-safety.ts).
import { eq } from "drizzle-orm";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { signal } from "@/lib/background/signals";
import { campaigns } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/errors";
import { requeueFailed } from "@/lib/ledger/requeue";
import { transitionCampaign } from "./queries";
import { refusedByConnect, retrySafety, TOKEN_WINDOW_DAYS } from "./retry-safety";
import { retryFailedSchema } from "./schemas";
import type { CampaignStatus } from "./status";

const REFUSED: Partial<Record<CampaignStatus, string>> = {
  draft: "A draft has not been sent yet: launch it instead",
  cancelled: "A cancelled campaign cannot be retried: its remaining recipients were skipped on purpose",
};

function allHeldBack(n: number): string {
  const rows = n === 1 ? "Its 1 failed recipient is" : `All ${n.toLocaleString("en-US")} failed recipients are`;
  return `${rows} held back: their sends are older than ${TOKEN_WINDOW_DAYS} days and their outcome is unknown, so Amazon Connect no longer recognises them and a retry may reach those people twice. Include them explicitly to retry anyway.`;
}

export const retryFailed = defineAction({
  name: "campaigns.retryFailed",
  access: "supervisor",
  input: retryFailedSchema,
  handler: async ({ campaignId, includeUnverifiable }, { db, actor }) => {
    const done = await db.transaction(async (tx) => {
      // Locked until commit, so the dispatcher's "nothing left, complete it" cannot interleave with the re-queue.
      const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
      if (!c) throw new UserFacingError("not_found", "No campaign with this id");
      const refusal = REFUSED[c.status];
      if (refusal) throw new UserFacingError("conflict", refusal);
      const { tokensMayBeForgotten } = (await retrySafety(tx, c.id))!;
      const holdBack = tokensMayBeForgotten && !includeUnverifiable;
      const { requeued, unknownOutcome } = await requeueFailed(tx, c.id, refusedByConnect, holdBack);
      // Counted after the update: a row the dispatcher failed meanwhile is counted where it ended up.
      const heldBack = holdBack ? (await retrySafety(tx, c.id))!.failed : 0;
      if (requeued === 0) {
        throw new UserFacingError("conflict", heldBack > 0 ? allHeldBack(heldBack) : "No recipient of this campaign has failed: there is nothing to retry");
      }
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
        diff: {
          requeued,
          heldBack,
          includeUnverifiable,
          // Sent again although Connect may have forgotten their ClientTokens: the people who may get a second chat.
          unverifiableRequeued: tokensMayBeForgotten ? unknownOutcome : 0,
          ...(status !== c.status ? { status: { from: c.status, to: status } } : { status: c.status }),
        },
      });
      return { id: c.id, status, requeued, heldBack };
    });
    // Committed: a dispatcher in this process resting on the campaign's later rows looks again now.
    signal("recipients-requeued");
    return done;
  },
});
