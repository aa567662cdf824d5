import { describe, expect, it } from "vitest";
import { giveBack, grantable, msUntilTokens, recoveredRate, refill, throttledRate, type BucketState } from "./bucket-math";

const bucket = (over: Partial<BucketState> = {}): BucketState => ({ tokens: 0, rate: 10, configuredRate: 10, burst: 5, refilledAtMs: 1_000, ...over });

describe("token bucket arithmetic", () => {
  it("refills by elapsed time at the current rate, capped at the burst", () => {
    expect(refill(bucket(), 1_200).tokens).toBeCloseTo(2);
    expect(refill(bucket({ rate: 2.5 }), 1_800).tokens).toBeCloseTo(2);
    expect(refill(bucket(), 60_000).tokens).toBe(5);
    expect(refill(bucket(), 1_200).refilledAtMs).toBe(1_200);
  });

  it("never runs time backwards when another process's clock is behind", () => {
    const b = refill(bucket({ tokens: 1 }), 900);
    expect(b.tokens).toBe(1);
    expect(b.refilledAtMs).toBe(1_000);
  });

  it("grants whole tokens that every bucket has, up to the request", () => {
    expect(grantable([bucket({ tokens: 4.7 })], 10)).toBe(4);
    expect(grantable([bucket({ tokens: 4.7 }), bucket({ tokens: 2.2 })], 10)).toBe(2);
    expect(grantable([bucket({ tokens: 4.7 })], 3)).toBe(3);
    expect(grantable([bucket({ tokens: 0.9 })], 3)).toBe(0);
  });

  it("says how long until the next token", () => {
    expect(msUntilTokens(bucket({ tokens: 0.5, rate: 10 }))).toBe(50);
    expect(msUntilTokens(bucket({ tokens: 0, rate: 0.2 }))).toBe(5_000);
    expect(msUntilTokens(bucket({ tokens: 1 }))).toBe(0);
  });

  it("takes back unused tokens without passing the burst", () => {
    expect(giveBack(bucket({ tokens: 1 }), 2).tokens).toBe(3);
    expect(giveBack(bucket({ tokens: 4 }), 9).tokens).toBe(5);
  });
});

describe("AIMD", () => {
  it("halves the rate on throttling, down to the floor", () => {
    expect(throttledRate(10, 10, 0.2)).toBe(5);
    expect(throttledRate(0.3, 10, 0.2)).toBe(0.2);
    // A floor above a tiny configured rate never raises it.
    expect(throttledRate(0.1, 0.1, 0.2)).toBe(0.1);
  });

  it("wins back a twentieth of the configured rate per second of successes", () => {
    // At 5/s, five successes are one second's worth: +0.5/s.
    expect(recoveredRate(5, 10, 5, 1 / 20)).toBeCloseTo(5.5);
    expect(recoveredRate(9.9, 10, 50, 1 / 20)).toBe(10);
    expect(recoveredRate(10, 10, 5, 1 / 20)).toBe(10);
  });

  it("climbs from the floor back to the configured rate in about twenty seconds of clean sending", () => {
    let rate = 0.2;
    let seconds = 0;
    while (rate < 10 && seconds < 100) {
      rate = recoveredRate(rate, 10, rate, 1 / 20);
      seconds += 1;
    }
    expect(seconds).toBeGreaterThanOrEqual(19);
    expect(seconds).toBeLessThanOrEqual(21);
  });
});
