// Rate quota: `rate` tokens per second of the given clock (the monotonic real clock unless told), at most `burst` stored.

export class TokenBucket {
  private tokens: number;
  private updatedMs: number;

  constructor(
    private rate: number,
    private burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.updatedMs = now();
  }

  reconfigure(rate: number, burst: number): void {
    this.refill();
    this.rate = rate;
    this.burst = burst;
    this.tokens = Math.min(this.tokens, burst);
  }

  /** Full bucket again, as after a reset. */
  fill(): void {
    this.tokens = this.burst;
    this.updatedMs = this.now();
  }

  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.updatedMs) / 1000) * this.rate);
    this.updatedMs = now;
  }
}
