// What happens to an inbound message after SendChatIntegrationEvent failed. A customer's message is never dropped
// for a reason that may pass (throttling, an outage, missing permissions): it waits, with backoff, and keeps its
// place in its chat. Only Connect refusing the event itself fails it, so the chat's next message can go. Pure.
import type { ConnectErrorKind } from "@/lib/connect/types";
import { backoffMs, jittered } from "@/lib/dispatch/retry-policy";

export interface ForwardRetryOptions {
  /** First delay after a throttled or transient failure; doubles per attempt. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Configuration and permission errors need a person: retry far less often, but keep retrying. */
  systemicBaseMs: number;
  systemicMaxMs: number;
}

export const DEFAULT_FORWARD_RETRY: ForwardRetryOptions = {
  retryBaseMs: 1_000,
  retryMaxMs: 5 * 60_000,
  systemicBaseMs: 30_000,
  systemicMaxMs: 15 * 60_000,
};

export type ForwardDecision = { kind: "retry"; delayMs: number } | { kind: "fail" };

/** `attempts` counts the call that just failed. */
export function decideForwardRetry(
  kind: ConnectErrorKind,
  attempts: number,
  o: ForwardRetryOptions = DEFAULT_FORWARD_RETRY,
  random: () => number = Math.random,
): ForwardDecision {
  switch (kind) {
    case "permanent-for-this-recipient":
      return { kind: "fail" };
    case "systemic":
      return { kind: "retry", delayMs: jittered(backoffMs(attempts, { retryBaseMs: o.systemicBaseMs, retryMaxMs: o.systemicMaxMs }), random) };
    case "throttled":
    case "concurrency-limited":
    case "transient":
      return { kind: "retry", delayMs: jittered(backoffMs(attempts, o), random) };
  }
}
