// The last N final outcomes of one campaign in this process, for pausing a campaign that mostly fails
// (listmonk's max_send_errors). Kept in memory: the ledger has every outcome, this only decides when to stop.

export class ErrorWindow {
  private readonly outcomes: boolean[] = [];
  private failures = 0;

  constructor(readonly size: number) {}

  push(failed: boolean): void {
    this.outcomes.push(failed);
    if (failed) this.failures += 1;
    if (this.outcomes.length > this.size && this.outcomes.shift()) this.failures -= 1;
  }

  /** True once the window is full and more than `share` of it failed. */
  exceeds(share: number): boolean {
    return this.outcomes.length >= this.size && this.failures / this.size > share;
  }

  reset(): void {
    this.outcomes.length = 0;
    this.failures = 0;
  }
}

export function errorSharePauseReason(share: number, size: number): string {
  return `More than ${Math.round(share * 100)}% of the last ${size} sends failed`;
}
