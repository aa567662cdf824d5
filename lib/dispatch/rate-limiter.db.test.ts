import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/types";
import { settings } from "@/lib/db/schema";
import { createTestDb } from "@/lib/testing/test-db";
import { ACCOUNT_RATE_SETTING, configuredAccountRate, parseRateSetting } from "@/lib/settings/account-rate";
import { acquire, onSuccess, onThrottled, readBucket, refund } from "./rate-limiter";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("shared rate limiter", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("starts full, grants up to the burst, then says how long to wait", async () => {
    // Slow enough that a loaded machine's pauses between statements do not add a whole token.
    const b = { key: "t:burst", rate: 2, burst: 4 };
    expect(await acquire(h.db, b, 3)).toMatchObject({ granted: 3, waitMs: 0 });
    const next = await acquire(h.db, b, 3);
    expect(next.granted).toBe(1);
    expect(next.waitMs).toBeGreaterThan(100);
    expect(next.waitMs).toBeLessThanOrEqual(500);
    await sleep(1_100);
    const refilled = await acquire(h.db, b, 10);
    expect(refilled.granted).toBeGreaterThanOrEqual(2);
    expect(refilled.granted).toBeLessThanOrEqual(4);
  });

  it("takes from every bucket at once, as many as the emptiest allows, and takes unused tokens back", async () => {
    const account = { key: "t:account", rate: 0.01, burst: 10 };
    const campaign = { key: "t:campaign", rate: 0.01, burst: 3 };
    expect((await acquire(h.db, [account, campaign], 8)).granted).toBe(3);
    expect((await readBucket(h.db, account.key))!.tokens).toBeCloseTo(7, 1);
    await refund(h.db, [account, campaign], 2);
    expect((await readBucket(h.db, account.key))!.tokens).toBeCloseTo(9, 1);
    expect((await readBucket(h.db, campaign.key))!.tokens).toBeCloseTo(2, 1);
  });

  it("never hands out the same token twice to concurrent callers", async () => {
    const b = { key: "t:race", rate: 0.001, burst: 10 };
    const grants = await Promise.all(Array.from({ length: 8 }, () => acquire(h.db, b, 3)));
    expect(grants.reduce((n, g) => n + g.granted, 0)).toBe(10);
  });

  it("halves the rate when throttled, down to the floor, and climbs back with successes", async () => {
    const b = { key: "t:aimd", rate: 8, burst: 8 };
    await acquire(h.db, b, 1);
    expect(await onThrottled(h.db, b, 0.2)).toBe(4);
    expect((await readBucket(h.db, b.key))!.tokens).toBe(0);
    expect(await onThrottled(h.db, b, 0.2)).toBe(2);
    for (let i = 0; i < 6; i++) await onThrottled(h.db, b, 0.2);
    expect((await readBucket(h.db, b.key))!.rate).toBe(0.2);
    // 0.2/s plus one second's worth of successes wins back 8/20.
    expect(await onSuccess(h.db, b, 0.2, 1 / 20)).toBeCloseTo(0.6);
    expect(await onSuccess(h.db, b, 1_000, 1 / 20)).toBe(8);
  });

  it("follows a change of the configured rate", async () => {
    const b = { key: "t:config", rate: 8, burst: 8 };
    await acquire(h.db, b, 1);
    await onThrottled(h.db, b, 0.2);
    expect((await acquire(h.db, { ...b, rate: 3, burst: 3 }, 0)).rates[b.key]).toBe(3);
    expect(await readBucket(h.db, b.key)).toMatchObject({ rate: 3, configuredRate: 3, burst: 3 });
  });

  it("reads the account rate from settings when an admin set one", async () => {
    expect(await configuredAccountRate(h.db, 5)).toBe(5);
    await h.db.insert(settings).values({ key: ACCOUNT_RATE_SETTING, value: 12 });
    expect(await configuredAccountRate(h.db, 5)).toBe(12);
    expect([parseRateSetting("7.5"), parseRateSetting({ value: 3 }), parseRateSetting(0), parseRateSetting("x"), parseRateSetting(null)]).toEqual([
      7.5,
      3,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
