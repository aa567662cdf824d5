// Token-bucket and AIMD arithmetic, kept pure so it can be tested without a clock or a database.

export interface BucketState {
  tokens: number;
  /** The rate in force: the configured rate, lowered after throttling and raised back step by step. */
  rate: number;
  configuredRate: number;
  burst: number;
  refilledAtMs: number;
}

/** Tokens accrued since the last refill at the current rate, capped at the burst. */
export function refill(b: BucketState, nowMs: number): BucketState {
  // Clocks of different processes may disagree by a little: time never runs backwards for the bucket.
  const elapsedS = Math.max(0, nowMs - b.refilledAtMs) / 1000;
  return { ...b, tokens: Math.min(b.burst, b.tokens + elapsedS * b.rate), refilledAtMs: Math.max(b.refilledAtMs, nowMs) };
}

/** Milliseconds until the bucket holds `n` whole tokens at its current rate. */
export function msUntilTokens(b: BucketState, n = 1): number {
  if (b.tokens >= n) return 0;
  return Math.ceil(((n - b.tokens) / b.rate) * 1000);
}

/** The largest whole number of tokens every bucket can give, up to `want`. */
export function grantable(buckets: readonly BucketState[], want: number): number {
  return Math.max(0, Math.min(Math.floor(want), ...buckets.map((b) => Math.floor(b.tokens))));
}

/** Returned tokens (claimed fewer rows than granted) go back, never above the burst. */
export function giveBack(b: BucketState, n: number): BucketState {
  return { ...b, tokens: Math.min(b.burst, b.tokens + n) };
}

/** Multiplicative decrease: half the rate, never under the floor nor above the configured rate. */
export function throttledRate(rate: number, configuredRate: number, floor: number): number {
  return Math.min(configuredRate, Math.max(floor, rate / 2));
}

/**
 * Additive increase: each second's worth of successes (`rate` of them) wins back `share` of the configured rate,
 * so a bucket knocked down to its floor is back at the configured rate after about 1/share seconds of clean sending.
 */
export function recoveredRate(rate: number, configuredRate: number, successes: number, share: number): number {
  if (rate >= configuredRate) return configuredRate;
  return Math.min(configuredRate, rate + (successes * configuredRate * share) / rate);
}
