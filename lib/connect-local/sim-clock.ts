// Simulated wall clock that can run faster than real time so chats expire in seconds during tests.
// Time is measured on the monotonic performance clock and rebased on every speed change, so it never runs backwards.

export class SimClock {
  private baseSimMs: number;
  private baseMonoMs: number;
  private lastMs: number;

  constructor(
    startSimMs: number,
    private speed: number,
  ) {
    this.baseSimMs = startSimMs;
    this.baseMonoMs = performance.now();
    this.lastMs = startSimMs;
  }

  nowMs(): number {
    const now = this.baseSimMs + (performance.now() - this.baseMonoMs) * this.speed;
    this.lastMs = Math.max(this.lastMs, now);
    return this.lastMs;
  }

  getSpeed(): number {
    return this.speed;
  }

  /** Jumps simulated time forward, as if that much time had passed at once. */
  advance(ms: number): void {
    this.baseSimMs = this.nowMs() + ms;
    this.baseMonoMs = performance.now();
    this.lastMs = this.baseSimMs;
  }

  setSpeed(speed: number): void {
    this.baseSimMs = this.nowMs();
    this.baseMonoMs = performance.now();
    this.speed = speed;
  }
}
