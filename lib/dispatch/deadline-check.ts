import "server-only";
// A campaign's deadline as the dispatcher applies it: read once per process from the campaign row (a launched
// campaign's settings are frozen), and once it has passed, the unsent rows are skipped as expired a few batches per
// pass and the campaign completes saying so. Rows already being sent are left to finish and be recorded.
import { eq } from "drizzle-orm";
import { campaignDeadline, deadlineCause, sendingBeganAt } from "@/lib/campaigns/deadline";
import { campaigns } from "@/lib/db/schema";
import { ledgerState } from "@/lib/ledger/claim";
import { EXPIRED_REASON, SKIP_BATCH_ROWS, skipRemaining } from "@/lib/ledger/skip-remaining";
import type { CampaignState } from "./campaign-state";
import { completeIfFinished } from "./campaign-transitions";
import type { DispatchContext } from "./dispatch-context";

// Batches of skips per loop pass: a million-row campaign expires over many passes, with other campaigns served between.
const EXPIRE_BATCHES_PER_PASS = 5;

/** The campaign's deadline in ms since epoch, null when it has none. */
export async function deadlineOf(ctx: DispatchContext, st: CampaignState): Promise<number | null> {
  if (st.deadlineMs !== undefined) return st.deadlineMs;
  const [row] = await ctx.db
    .select({ launchedAt: campaigns.launchedAt, scheduledAt: campaigns.scheduledAt })
    .from(campaigns)
    .where(eq(campaigns.id, st.campaign.id));
  const deadline = row ? campaignDeadline(st.campaign.config, sendingBeganAt(row)) : null;
  st.deadlineMs = deadline?.getTime() ?? null;
  return st.deadlineMs;
}

/** Skips some unsent rows as expired and completes the campaign once none is left; returns how soon to come back. */
export async function expireCampaign(ctx: DispatchContext, st: CampaignState, deadlineMs: number): Promise<number> {
  const { db, o, workerId, log } = ctx;
  const id = st.campaign.id;
  const skipped = await skipRemaining(db, id, EXPIRED_REASON, { batchRows: SKIP_BATCH_ROWS, maxBatches: EXPIRE_BATCHES_PER_PASS });
  if (skipped > 0) log(`campaign ${id} passed its deadline: ${skipped} rows expired`);
  const ledger = await ledgerState(db, id);
  if (ledger.unfinished) return skipped > 0 ? 0 : o.pollMs;
  const [row] = await db.select({ launchedAt: campaigns.launchedAt, scheduledAt: campaigns.scheduledAt }).from(campaigns).where(eq(campaigns.id, id));
  const cause = deadlineCause(st.campaign.config, row ? sendingBeganAt(row) : null) ?? "end time";
  if (await completeIfFinished(db, workerId, id, { deadline: new Date(deadlineMs), cause })) log(`completed campaign ${id} at its deadline`);
  return o.pollMs;
}
