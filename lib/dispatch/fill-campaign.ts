import "server-only";
// One batch for one running campaign: tokens first, then exactly that many due rows, then the suppression list
// checked again just before sending. Tokens not used go back to the buckets.
import type { CampaignRecipient } from "@/lib/db/schema";
import { suppressedAmong } from "@/lib/suppression/queries";
import type { CampaignState } from "./campaign-state";
import { claimBatch, ledgerState } from "@/lib/ledger/claim";
import { completeIfFinished } from "./campaign-transitions";
import type { DispatchContext } from "./dispatch-context";
import { acquire, refund } from "./rate-limiter";
import { recordSkipped } from "@/lib/ledger/record-outcome";

export const SUPPRESSED_REASON = "on the suppression list";

export interface FillResult {
  /** Rows to send now, claimed by this process. */
  rows: CampaignRecipient[];
  /** How long until this campaign could use another pass. */
  waitMs: number;
}

export async function fillCampaign(ctx: DispatchContext, st: CampaignState, free: number): Promise<FillResult> {
  const { db, o, workerId } = ctx;
  const id = st.campaign.id;
  const ledger = await ledgerState(db, id);
  if (!ledger.due) {
    if (!ledger.unfinished && (await completeIfFinished(db, workerId, id))) ctx.log(`completed campaign ${id}`);
    return { rows: [], waitMs: o.pollMs };
  }
  const buckets = [ctx.account, st.bucket(ctx.account.rate)];
  const got = await acquire(db, buckets, Math.min(o.batchSize, free));
  ctx.limiter.currentRate = got.rates[ctx.account.key] ?? ctx.limiter.currentRate;
  if (got.granted === 0) return { rows: [], waitMs: got.waitMs };

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
  await refund(db, buckets, got.granted - rows.length);
  return { rows, waitMs: got.waitMs };
}
