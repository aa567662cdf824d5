import "server-only";
// After one send: record it in the ledger, then react — slow the account down, hold the campaign for chat capacity,
// or pause it when the error is systemic or too many sends fail.
import type { CampaignRecipient } from "@/lib/db/schema";
import { pauseCampaign, setWaitingReason } from "./campaign-transitions";
import type { CampaignState } from "./campaign-state";
import type { DispatchContext } from "./dispatch-context";
import { errorSharePauseReason } from "./error-window";
import { onThrottled } from "./rate-limiter";
import { recordFailed, recordRetry, recordSent } from "@/lib/ledger/record-outcome";
import { decideAfterError } from "./retry-policy";
import type { SendResult } from "./send-recipient";

async function pause(ctx: DispatchContext, st: CampaignState, reason: string): Promise<void> {
  st.window.reset();
  if (await pauseCampaign(ctx.db, ctx.workerId, st.campaign.id, reason)) ctx.log(`paused campaign ${st.campaign.id}: ${reason}`);
}

async function slowDown(ctx: DispatchContext): Promise<void> {
  const now = Date.now();
  ctx.limiter.recent.push(true);
  if (now - ctx.limiter.lastThrottleMs < 1_000 || !ctx.limiter.recent.tooFast()) return;
  ctx.limiter.lastThrottleMs = now;
  ctx.limiter.recent.reset();
  ctx.limiter.currentRate = await onThrottled(ctx.db, ctx.account, ctx.o.minSendsPerSecond);
  ctx.log(`throttled by Connect: account rate now ${ctx.limiter.currentRate.toFixed(2)}/s`);
}

export async function handleResult(ctx: DispatchContext, st: CampaignState, row: CampaignRecipient, result: SendResult): Promise<void> {
  const { db, workerId } = ctx;
  const lost = () => ctx.log(`row ${row.id}: lease lost before the result was recorded; the new holder records the same contact`);
  if (result.ok) {
    if (!(await recordSent(db, row, workerId, result))) lost();
    st.window.push(false);
    ctx.limiter.successes += 1;
    ctx.limiter.recent.push(false);
    if (st.waitingReason !== null) {
      st.waitingReason = null;
      await setWaitingReason(db, st.campaign.id, null);
    }
    return;
  }
  const error = result.error;
  const decision = decideAfterError(error, row.attempts, ctx.o);
  switch (decision.kind) {
    case "retry":
      if (!(await recordRetry(db, row, workerId, { delayMs: decision.delayMs, countsAsAttempt: decision.countsAsAttempt, error }))) lost();
      if (decision.slowDown) await slowDown(ctx);
      if (decision.holdCampaign) st.holdUntil = Math.max(st.holdUntil, Date.now() + decision.delayMs);
      if (decision.waitingReason && st.waitingReason !== decision.waitingReason) {
        st.waitingReason = decision.waitingReason;
        await setWaitingReason(db, st.campaign.id, decision.waitingReason);
      }
      return;
    case "fail":
      if (!(await recordFailed(db, row, workerId, error))) lost();
      st.window.push(true);
      if (st.window.exceeds(ctx.o.errorShare)) await pause(ctx, st, errorSharePauseReason(ctx.o.errorShare, ctx.o.errorWindow));
      return;
    case "pause":
      // The recipient did nothing wrong: the row waits, attempt given back, for the campaign to be resumed.
      if (!(await recordRetry(db, row, workerId, { delayMs: 0, countsAsAttempt: false, error }))) lost();
      await pause(ctx, st, decision.reason);
      return;
  }
}
