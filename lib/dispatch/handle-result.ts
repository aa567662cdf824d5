import "server-only";
// After one send: record it in the ledger, then react — slow the account down, hold the campaign for chat capacity
// or the WhatsApp daily limit, or pause it when the error is systemic or too many sends fail.
import type { CampaignRecipient } from "@/lib/db/schema";
import { pauseCampaign, setWaitingReason } from "./campaign-transitions";
import type { CampaignState } from "./campaign-state";
import { chatCapacityWait } from "./chat-capacity";
import type { DispatchContext } from "./dispatch-context";
import { errorSharePauseReason } from "./error-window";
import { holdCampaign } from "./hold-campaign";
import { onThrottled } from "./rate-limiter";
import { signal } from "@/lib/background/signals";
import { recordFailed, recordRetry, recordSent } from "@/lib/ledger/record-outcome";
import { decideAfterError, WAITING_FOR_CAPACITY } from "./retry-policy";
import type { SendResult } from "./send-recipient";
import type { SendOutcome } from "./slot-probe";
import { checkWhatsAppLimit } from "./whatsapp-limit";

async function pause(ctx: DispatchContext, st: CampaignState, reason: string): Promise<void> {
  st.window.reset();
  if (await pauseCampaign(ctx.db, ctx.workerId, st.campaign.id, reason)) ctx.log(`paused campaign ${st.campaign.id}: ${reason}`);
}

/**
 * Connect gives one error, LimitExceededException, for a full concurrent chat quota and for a spent WhatsApp daily
 * limit. With the daily budget spent (counted again, in case other processes spent it) it is the limit: wait for a
 * place to free. Otherwise it is chat capacity: wait until the campaign's next chat is due to end. Neither says the
 * account is too fast, so the rate stays.
 */
async function waitForCapacity(ctx: DispatchContext, st: CampaignState): Promise<{ ms: number; reason: string; noSlot: boolean }> {
  const limit = await checkWhatsAppLimit(ctx, st.campaign, true);
  if ("waitMs" in limit) return { ms: limit.waitMs, reason: limit.reason, noSlot: false };
  const wait = await chatCapacityWait(ctx, st);
  st.slots.refused(wait.dueToFree);
  return { ms: Math.max(0, wait.untilMs - Date.now()), reason: WAITING_FOR_CAPACITY, noSlot: true };
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

/** Records and reacts; says whether the start went through, found no chat slot, or neither. */
export async function handleResult(ctx: DispatchContext, st: CampaignState, row: CampaignRecipient, result: SendResult): Promise<SendOutcome> {
  const { db, workerId } = ctx;
  const lost = () => ctx.log(`row ${row.id}: lease lost before the result was recorded; the new holder records the same contact`);
  if (result.ok) {
    if (!(await recordSent(db, row, workerId, result))) lost();
    // Connect streams a chat's items only from the moment streaming starts, and a phone's delivered receipt can come
    // within a second or two of the send: the stream starter should not wait for its next round.
    else signal("contact-recorded");
    st.window.push(false);
    ctx.limiter.successes += 1;
    ctx.limiter.recent.push(false);
    // A send of the same batch may still succeed after a refusal put the campaign on hold: the hold says it waits.
    if (st.waitingReason !== null && !st.held()) {
      st.waitingReason = null;
      await setWaitingReason(db, st.campaign.id, null);
    }
    return "sent";
  }
  const error = result.error;
  const decision = decideAfterError(error, row.attempts, ctx.o);
  switch (decision.kind) {
    case "retry": {
      // The row is due again when the campaign may claim again.
      const wait = decision.holdCampaign ? await waitForCapacity(ctx, st) : undefined;
      const delayMs = wait?.ms ?? decision.delayMs;
      if (!(await recordRetry(db, row, workerId, { delayMs, countsAsAttempt: decision.countsAsAttempt, error }))) lost();
      if (decision.slowDown) await slowDown(ctx);
      if (wait) await holdCampaign(ctx, st, wait.ms, wait.reason);
      else if (decision.waitingReason && st.waitingReason !== decision.waitingReason) {
        st.waitingReason = decision.waitingReason;
        await setWaitingReason(db, st.campaign.id, decision.waitingReason);
      }
      return wait?.noSlot ? "no-capacity" : "other";
    }
    case "fail":
      if (!(await recordFailed(db, row, workerId, error))) lost();
      st.window.push(true);
      if (st.window.exceeds(ctx.o.errorShare)) await pause(ctx, st, errorSharePauseReason(ctx.o.errorShare, ctx.o.errorWindow));
      return "other";
    case "pause":
      // The recipient did nothing wrong: the row waits, attempt given back, for the campaign to be resumed.
      if (!(await recordRetry(db, row, workerId, { delayMs: 0, countsAsAttempt: false, error }))) lost();
      await pause(ctx, st, decision.reason);
      return "other";
  }
}
