// Spaces this process's sends from one source number by the number's rate at the moment they are sent. The shared
// bucket decides how many sends a process may make and when; but between taking a token and calling Connect come
// the claim and the suppression check, whose time varies, so two sends a token apart can leave closer together than
// the number allows. A 1/s number holds one message: arriving 20 ms early is a refusal. Pure, in memory.
import { refill, type BucketState } from "./bucket-math";
import type { BucketSpec } from "./rate-limiter";

export class LaunchPacer {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Milliseconds to wait before this send leaves; the send is counted as leaving then. */
  delayMs(spec: BucketSpec): number {
    const now = this.now();
    const known = this.buckets.get(spec.key);
    let b: BucketState =
      known && known.configuredRate === spec.rate && known.burst === spec.burst
        ? refill(known, now)
        : { tokens: spec.burst, rate: spec.rate, configuredRate: spec.rate, burst: spec.burst, refilledAtMs: now };
    // Tokens below zero are sends already waiting their turn.
    // Rounded up to the millisecond (never early), less float noise.
    const delay = b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / b.rate) * 1000 - 1e-6);
    b = { ...b, tokens: b.tokens - 1 };
    this.buckets.set(spec.key, b);
    return delay;
  }
}
