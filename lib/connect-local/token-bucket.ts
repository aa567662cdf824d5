// Request-rate quota: `rate` tokens per real second, at most `burst` stored.

export class TokenBucket {
  private tokens: number;
  private updatedMs: number;

  constructor(
    private rate: number,
    private burst: number,
  ) {
    this.tokens = burst;
    this.updatedMs = performance.now();
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
    this.updatedMs = performance.now();
  }

  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedMs) / 1000) * this.rate);
    this.updatedMs = now;
  }
}
