import "server-only";
// Token buckets in `rate_limiters`, shared by every campaign and every dispatcher process. Each change locks the rows
// (SELECT … FOR UPDATE) inside one transaction, so two processes never spend the same token.
import { asc, eq, inArray, sql } from "drizzle-orm";
import { rateLimiters } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { giveBack, grantable, msUntilTokens, recoveredRate, refill, throttledRate, type BucketState } from "./bucket-math";
import { dbNowMs } from "./db-now";

export interface BucketSpec {
  key: string;
  /** The configured rate (sends per second). A change here resets the bucket's current rate to it. */
  rate: number;
  burst: number;
}

export interface Acquired {
  granted: number;
  /** Milliseconds until every bucket has another whole token. */
  waitMs: number;
  /** Current rate per bucket key after the refill. */
  rates: Record<string, number>;
}

type Row = typeof rateLimiters.$inferSelect;

const toState = (r: Row): BucketState => ({
  tokens: r.tokens,
  rate: r.rate,
  configuredRate: r.configuredRate,
  burst: r.burst,
  refilledAtMs: r.refilledAt.getTime(),
});

/** Locks the buckets (creating missing ones full), in key order so two callers never deadlock. */
async function lockBuckets(tx: Db, specs: readonly BucketSpec[]): Promise<Map<string, BucketState>> {
  const sorted = [...specs].sort((a, b) => a.key.localeCompare(b.key));
  await tx
    .insert(rateLimiters)
    .values(sorted.map((s) => ({ key: s.key, tokens: s.burst, rate: s.rate, configuredRate: s.rate, burst: s.burst, refilledAt: sql`clock_timestamp()` })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(rateLimiters)
    .where(
      inArray(
        rateLimiters.key,
        sorted.map((s) => s.key),
      ),
    )
    .orderBy(asc(rateLimiters.key))
    .for("update");
  const now = await dbNowMs(tx);
  const states = new Map<string, BucketState>();
  for (const row of rows) {
    let state = refill(toState(row), now);
    const spec = sorted.find((s) => s.key === row.key);
    if (spec && (spec.rate !== state.configuredRate || spec.burst !== state.burst)) {
      state = { ...state, rate: spec.rate, configuredRate: spec.rate, burst: spec.burst, tokens: Math.min(state.tokens, spec.burst) };
    }
    states.set(row.key, state);
  }
  return states;
}

async function save(tx: Db, key: string, s: BucketState): Promise<void> {
  await tx
    .update(rateLimiters)
    .set({ tokens: s.tokens, rate: s.rate, configuredRate: s.configuredRate, burst: s.burst, refilledAt: new Date(s.refilledAtMs) })
    .where(eq(rateLimiters.key, key));
}

/** Takes up to `want` tokens from every bucket at once: a send needs a token from the account and from its campaign. */
export async function acquire(db: Db, buckets: BucketSpec | readonly BucketSpec[], want: number): Promise<Acquired> {
  const specs = Array.isArray(buckets) ? (buckets as readonly BucketSpec[]) : [buckets as BucketSpec];
  return db.transaction(async (tx) => {
    const states = await lockBuckets(tx, specs);
    const granted = grantable([...states.values()], want);
    let waitMs = 0;
    const rates: Record<string, number> = {};
    for (const [key, state] of states) {
      const after = { ...state, tokens: state.tokens - granted };
      await save(tx, key, after);
      waitMs = Math.max(waitMs, msUntilTokens(after, 1));
      rates[key] = after.rate;
    }
    return { granted, waitMs, rates };
  });
}

/** Gives back tokens that were granted but not used (fewer rows were due than tokens taken). */
export async function refund(db: Db, buckets: BucketSpec | readonly BucketSpec[], n: number): Promise<void> {
  if (n <= 0) return;
  const specs = Array.isArray(buckets) ? (buckets as readonly BucketSpec[]) : [buckets as BucketSpec];
  await db.transaction(async (tx) => {
    for (const [key, state] of await lockBuckets(tx, specs)) await save(tx, key, giveBack(state, n));
  });
}

/**
 * Connect throttled us: halve the rate (not under `floor`) and empty the bucket, since Connect's own bucket is empty.
 * Returns the new rate.
 */
export async function onThrottled(db: Db, bucket: BucketSpec, floor: number): Promise<number> {
  return db.transaction(async (tx) => {
    const state = (await lockBuckets(tx, [bucket])).get(bucket.key)!;
    const rate = throttledRate(state.rate, state.configuredRate, floor);
    await save(tx, bucket.key, { ...state, rate, tokens: 0 });
    return rate;
  });
}

/** `successes` sends went through: raise the rate a step towards the configured one. Returns the new rate. */
export async function onSuccess(db: Db, bucket: BucketSpec, successes: number, share: number): Promise<number> {
  return db.transaction(async (tx) => {
    const state = (await lockBuckets(tx, [bucket])).get(bucket.key)!;
    const rate = recoveredRate(state.rate, state.configuredRate, successes, share);
    if (rate !== state.rate) await save(tx, bucket.key, { ...state, rate });
    return rate;
  });
}

export async function readBucket(db: Db, key: string): Promise<Row | undefined> {
  const [row] = await db.select().from(rateLimiters).where(eq(rateLimiters.key, key));
  return row;
}

export async function deleteBucket(db: Db, key: string): Promise<void> {
  await db.delete(rateLimiters).where(eq(rateLimiters.key, key));
}
