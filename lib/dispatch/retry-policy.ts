// What happens to a recipient after a failed StartOutboundChatContact, by the kind of error. Pure.
import type { ConnectErrorInfo } from "@/lib/connect/types";

export interface RetryPolicyOptions {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  throttleRetryMs: number;
  capacityRetryMs: number;
}

export const WAITING_FOR_CAPACITY = "waiting for chat capacity";

export type SendDecision =
  /**
   * Back to pending, tried again after `delayMs`. `countsAsAttempt: false` gives the attempt back: being throttled
   * or waiting for capacity says nothing about this recipient.
   */
  | { kind: "retry"; delayMs: number; countsAsAttempt: boolean; slowDown?: boolean; holdCampaign?: boolean; waitingReason?: string }
  | { kind: "fail" }
  /** Every recipient would hit the same error: stop the campaign; the row goes back to pending for after the fix. */
  | { kind: "pause"; reason: string };

/** Between half and all of `ms`: spreads retries apart without ever retrying immediately. */
export function jittered(ms: number, random: () => number): number {
  return Math.round(ms / 2 + (random() * ms) / 2);
}

/** Exponential backoff for the n-th attempt (1-based), capped. */
export function backoffMs(attempt: number, o: Pick<RetryPolicyOptions, "retryBaseMs" | "retryMaxMs">): number {
  return Math.min(o.retryMaxMs, o.retryBaseMs * 2 ** Math.max(0, attempt - 1));
}

/** `attempts` counts the call that just failed. */
export function decideAfterError(error: ConnectErrorInfo, attempts: number, o: RetryPolicyOptions, random: () => number = Math.random): SendDecision {
  switch (error.kind) {
    case "throttled":
      return { kind: "retry", delayMs: jittered(o.throttleRetryMs, random), countsAsAttempt: false, slowDown: true };
    case "concurrency-limited":
      return { kind: "retry", delayMs: jittered(o.capacityRetryMs, random), countsAsAttempt: false, holdCampaign: true, waitingReason: WAITING_FOR_CAPACITY };
    case "transient":
      if (attempts >= o.maxAttempts) return { kind: "fail" };
      return { kind: "retry", delayMs: jittered(backoffMs(attempts, o), random), countsAsAttempt: true };
    case "permanent-for-this-recipient":
      return { kind: "fail" };
    case "systemic":
      return { kind: "pause", reason: `Amazon Connect answered ${error.name}: ${error.message}` };
  }
}
