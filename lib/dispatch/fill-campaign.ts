import "server-only";
// One batch for one running campaign: the WhatsApp daily limit first (a spent one holds the campaign), then tokens
// from the account, the campaign and its source number at once (no more than the slots a campaign short of chat
// capacity may try), then exactly that many due rows, then the suppression list checked again just before sending.
// Tokens not used go back to the buckets. A campaign past its deadline claims nothing: its rows expire instead. One
// whose pending rows all wait (a send window, a frequency cap, a retry) rests until the earliest is due.
import type { CampaignRecipient } from "@/lib/db/schema";
import { suppressedAmong } from "@/lib/suppression/queries";
import type { CampaignState } from "./campaign-state";
import { claimBatch, ledgerState } from "@/lib/ledger/claim";
import { completeIfFinished } from "./campaign-transitions";
import { deadlineOf, expireCampaign } from "./deadline-check";
import type { DispatchContext } from "./dispatch-context";
import { holdCampaign } from "./hold-campaign";
import { numberBucketFor } from "./number-bucket";
import { acquire, refund, type BucketSpec } from "./rate-limiter";
import { recordSkipped } from "@/lib/ledger/record-outcome";
import { checkWhatsAppLimit } from "./whatsapp-limit";

export const SUPPRESSED_REASON = "on the suppression list";

export interface FillResult {
  /** Rows to send now, claimed by this process. */
  rows: CampaignRecipient[];
  /** How long until this campaign could use another pass. */
  waitMs: number;
  /** The source number's bucket the rows were paced by: their sends are spaced by it too. */
  number?: BucketSpec;
  /** Every bucket the rows' tokens came from: a row that is not sent after all gives its token back. */
  buckets?: BucketSpec[];
}

const untilDeadline = (deadlineMs: number | null, waitMs: number) => (deadlineMs === null ? waitMs : Math.min(waitMs, Math.max(0, deadlineMs - Date.now())));

export async function fillCampaign(ctx: DispatchContext, st: CampaignState, free: number): Promise<FillResult> {
  const { db, o, workerId } = ctx;
  const id = st.campaign.id;
  // Past its deadline nothing more is claimed, whatever is due; the rest is skipped as expired.
  const deadlineMs = await deadlineOf(ctx, st);
  if (deadlineMs !== null && Date.now() >= deadlineMs) return { rows: [], waitMs: await expireCampaign(ctx, st, deadlineMs) };
  const resting = st.restUntil - Date.now();
  if (resting > 0) return { rows: [], waitMs: resting };
  const ledger = await ledgerState(db, id);
  if (!ledger.due) {
    if (!ledger.unfinished && (await completeIfFinished(db, workerId, id))) ctx.log(`completed campaign ${id}`);
    if (ledger.nextDueInMs === null) return { rows: [], waitMs: o.pollMs };
    // Every pending row is put off: no look for due ones (a scan of all of them) until the earliest is due, but
    // never longer than restMaxMs, nor past the deadline.
    const rest = untilDeadline(deadlineMs, Math.min(ledger.nextDueInMs, o.restMaxMs));
    st.restUntil = Date.now() + rest;
    return { rows: [], waitMs: rest };
  }
  const limit = await checkWhatsAppLimit(ctx, st.campaign);
  if ("waitMs" in limit) {
    // Nothing is claimed: the rows stay pending, their attempts untouched.
    await holdCampaign(ctx, st, limit.waitMs, limit.reason);
    return { rows: [], waitMs: limit.waitMs };
  }
  const want = st.slots.allow(Math.min(o.batchSize, free, limit.left));
  // Short of chat capacity, with as many starts out as may find a slot: the next answer says more.
  if (want === 0) return { rows: [], waitMs: o.pollMs };
  const number = await numberBucketFor(ctx, st.campaign, st.numberPace);
  const buckets = [ctx.account, st.bucket(ctx.account.rate), number];
  const got = await acquire(db, buckets, want);
  ctx.limiter.currentRate = got.rates[ctx.account.key] ?? ctx.limiter.currentRate;
  // Never sleep past the deadline: the pass after it expires the rows.
  if (got.granted === 0) return { rows: [], waitMs: untilDeadline(deadlineMs, got.waitMs) };

  const claimed = await claimBatch(db, { campaignId: id, workerId, limit: got.granted, leaseMs: o.leaseMs });
  const suppressed =
    claimed.length > 0
      ? await suppressedAmong(
          db,
          claimed.flatMap((r) => (r.phone ? [r.phone] : [])),
        )
      : new Set<string>();
  const blocked = claimed.filter((r) => r.phone !== null && suppressed.has(r.phone));
  if (blocked.length > 0) await recordSkipped(db, blocked, workerId, SUPPRESSED_REASON);
  const rows = claimed.filter((r) => !(r.phone !== null && suppressed.has(r.phone)));
  if (st.campaign.config.channel === "whatsapp") ctx.whatsApp.take(rows.length);
  st.slots.claimed(rows.length);
  await refund(db, buckets, got.granted - rows.length);
  return { rows, waitMs: untilDeadline(deadlineMs, got.waitMs), number, buckets };
}
