// Whether Connect's throttling means "you are too fast" or is the odd refusal any busy service gives. Halving the
// rate on every throttle held a 200/s account near 30/s under a steady 2 % of random throttles; the rate now comes
// down only when throttles are a real share of the recent sends, and each decrease needs fresh evidence.

export interface ThrottleVerdictOptions {
  /** Recent outcomes (sends answered, throttled or not) considered. */
  size: number;
  /** Throttled share of the recent outcomes at or above which the rate comes down. */
  share: number;
  /** Fewest throttles that can bring the rate down, so one or two stray refusals never do. */
  minThrottles: number;
}

export const DEFAULT_THROTTLE_VERDICT: ThrottleVerdictOptions = { size: 200, share: 0.05, minThrottles: 3 };

export class ThrottleWindow {
  private readonly outcomes: boolean[] = [];
  private throttles = 0;

  constructor(readonly o: ThrottleVerdictOptions = DEFAULT_THROTTLE_VERDICT) {}

  push(throttled: boolean): void {
    this.outcomes.push(throttled);
    if (throttled) this.throttles += 1;
    if (this.outcomes.length > this.o.size && this.outcomes.shift()) this.throttles -= 1;
  }

  /** True when the recent outcomes say the account is sending faster than Connect allows. */
  tooFast(): boolean {
    return this.throttles >= this.o.minThrottles && this.throttles / this.outcomes.length >= this.o.share;
  }

  reset(): void {
    this.outcomes.length = 0;
    this.throttles = 0;
  }
}
