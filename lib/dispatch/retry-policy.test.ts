import { describe, expect, it } from "vitest";
import type { ConnectErrorInfo, ConnectErrorKind } from "@/lib/connect/types";
import { ErrorWindow, errorSharePauseReason } from "./error-window";
import { WAITING_FOR_CAPACITY, backoffMs, decideAfterError, jittered } from "./retry-policy";

const o = { maxAttempts: 5, retryBaseMs: 1_000, retryMaxMs: 60_000, throttleRetryMs: 1_000, capacityRetryMs: 5_000 };
const err = (kind: ConnectErrorKind, name = "X", message = "m"): ConnectErrorInfo => ({ kind, name, message });
const mid = () => 0.5;

describe("retry policy", () => {
  it("throttled: back to pending soon, slow the account down, attempt given back", () => {
    expect(decideAfterError(err("throttled"), 3, o, mid)).toEqual({ kind: "retry", delayMs: 750, countsAsAttempt: false, slowDown: true });
  });

  it("concurrency-limited: hold the campaign and say it is waiting for chat capacity, not a failure", () => {
    const d = decideAfterError(err("concurrency-limited"), 5, o, mid);
    expect(d).toEqual({ kind: "retry", delayMs: 3_750, countsAsAttempt: false, holdCampaign: true, waitingReason: WAITING_FOR_CAPACITY });
  });

  it("transient: exponential jittered backoff, then failed after maxAttempts calls", () => {
    expect(decideAfterError(err("transient"), 1, o, () => 0)).toMatchObject({ kind: "retry", delayMs: 500, countsAsAttempt: true });
    expect(decideAfterError(err("transient"), 3, o, () => 1)).toMatchObject({ kind: "retry", delayMs: 4_000 });
    expect(decideAfterError(err("transient"), 4, o, mid)).toMatchObject({ kind: "retry", delayMs: 6_000 });
    expect(decideAfterError(err("transient"), 5, o, mid)).toEqual({ kind: "fail" });
    expect(decideAfterError(err("transient"), 1, { ...o, maxAttempts: 1 }, mid)).toEqual({ kind: "fail" });
  });

  it("permanent for this recipient: failed at once", () => {
    expect(decideAfterError(err("permanent-for-this-recipient"), 1, o, mid)).toEqual({ kind: "fail" });
  });

  it("systemic: pause the campaign with Connect's answer", () => {
    const d = decideAfterError(err("systemic", "AccessDeniedException", "not allowed"), 1, o, mid);
    expect(d).toEqual({ kind: "pause", reason: "Amazon Connect answered AccessDeniedException: not allowed" });
  });

  it("backoff doubles and stops at the cap; jitter stays between half and all", () => {
    expect([1, 2, 3, 7, 20].map((n) => backoffMs(n, o))).toEqual([1_000, 2_000, 4_000, 60_000, 60_000]);
    expect(jittered(1_000, () => 0)).toBe(500);
    expect(jittered(1_000, () => 0.999)).toBeLessThanOrEqual(1_000);
  });
});

describe("error window", () => {
  it("trips only when full and more than the share failed", () => {
    const w = new ErrorWindow(4);
    w.push(true);
    w.push(true);
    w.push(true);
    expect(w.exceeds(0.5)).toBe(false);
    w.push(false);
    expect(w.exceeds(0.5)).toBe(true);
    w.push(false);
    expect(w.exceeds(0.5)).toBe(false); // exactly half is not more than half
    w.reset();
    expect(w.exceeds(0)).toBe(false);
    expect(errorSharePauseReason(0.5, 20)).toBe("More than 50% of the last 20 sends failed");
  });
});
