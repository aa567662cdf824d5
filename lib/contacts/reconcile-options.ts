// Reconciliation's knobs and its pacing. It draws on the same account bucket as campaign sends, and on a bucket of
// its own that keeps it to a small share of that rate, so checking chats never starves sending.
import type { BucketSpec } from "@/lib/dispatch/rate-limiter";

export interface ReconcileOptions {
  /** The account bucket the dispatcher sends through (accountLimiterKey). */
  limiterKey: string;
  /** The account's sends per second when the `account_sends_per_second` setting is absent. */
  accountSendsPerSecond: number;
  /** Lowest rate the account bucket falls to after throttling (the dispatcher's floor). */
  minSendsPerSecond: number;
  /** Most DescribeContact calls per second, across every process. */
  maxPerSecond: number;
  /** Most of the account's configured rate reconciliation may use. */
  accountShare: number;
  /** Most contacts checked in one round. */
  batchSize: number;
  /** Most contacts claimed by one statement: claimed contacts count as checked until they are, so keep it small. */
  claimSize: number;
  /** A round stops waiting for tokens after this long; what is left waits for the next round. */
  roundBudgetMs: number;
  /** An open chat is checked again after this long. */
  openRefreshMs: number;
  /** A contact Connect did not know (or could not be asked about) is checked again after this long. */
  unknownRefreshMs: number;
  /** Contacts created longer ago than this are left as they are. */
  maxAgeMs: number;
}

export const DEFAULT_RECONCILE_OPTIONS: Omit<ReconcileOptions, "limiterKey" | "accountSendsPerSecond"> = {
  minSendsPerSecond: 0.2,
  maxPerSecond: 2,
  accountShare: 0.1,
  batchSize: 50,
  claimSize: 10,
  roundBudgetMs: 15_000,
  openRefreshMs: 2 * 60_000,
  unknownRefreshMs: 30 * 60_000,
  maxAgeMs: 7 * 24 * 60 * 60_000,
};

export function resolveReconcileOptions(options: Partial<ReconcileOptions> & Pick<ReconcileOptions, "limiterKey" | "accountSendsPerSecond">): ReconcileOptions {
  const o = { ...DEFAULT_RECONCILE_OPTIONS, ...options };
  if (!(o.accountSendsPerSecond > 0) || !(o.maxPerSecond > 0)) throw new Error("Reconciliation: accountSendsPerSecond and maxPerSecond must be above 0");
  if (!(o.accountShare > 0 && o.accountShare <= 1)) throw new Error("Reconciliation: accountShare must be in (0, 1]");
  if (o.batchSize < 1 || o.claimSize < 1) throw new Error("Reconciliation: batchSize and claimSize must be at least 1");
  return o;
}

/** Reconciliation's own bucket, one per account bucket. */
export const reconcileLimiterKey = (accountKey: string) => `reconcile:${accountKey}`;

/** The account bucket exactly as the dispatcher sizes it (a different size would reset the shared row). */
export const accountBucket = (key: string, rate: number): BucketSpec => ({ key, rate, burst: Math.max(1, rate) });

/** At most maxPerSecond, and at most accountShare of the account's configured rate, whichever is lower. */
export function reconcileBucket(o: Pick<ReconcileOptions, "limiterKey" | "maxPerSecond" | "accountShare">, accountRate: number): BucketSpec {
  const rate = Math.min(o.maxPerSecond, accountRate * o.accountShare);
  return { key: reconcileLimiterKey(o.limiterKey), rate, burst: Math.max(1, rate) };
}
