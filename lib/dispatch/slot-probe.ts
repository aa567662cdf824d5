// How many rows a campaign short of chat capacity may claim before more answers come back. Without a bound, the end
// of a wait sends a whole batch of which only the few chats that ended make room: the rest are refused, and every
// refusal spends a token of the account rate that other campaigns could have used. After a refusal the campaign
// claims about as many as are due to free; each start that goes through gives its place back and one more (so freed
// capacity it did not know of is found in a few round trips), and the bound is dropped once it reaches a batch.

export type SendOutcome = "sent" | "no-capacity" | "other";

export class SlotProbe {
  /** Undefined: no bound. */
  private left: number | undefined;
  /** Claimed and not yet answered. */
  private out = 0;

  get bound(): number | undefined {
    return this.left;
  }

  /** Rows that may be claimed now, at most `want`. With nothing out, one may always go: an answer is what moves the bound. */
  allow(want: number): number {
    if (this.left === undefined) return want;
    return Math.max(0, Math.min(want, this.out === 0 ? Math.max(1, this.left) : this.left));
  }

  claimed(n: number): void {
    this.out += n;
    if (this.left !== undefined) this.left -= n;
  }

  /** Connect had no slot: after the wait, try as many as are due to free by then (at least one). */
  refused(dueToFree: number): void {
    this.left = Math.max(1, dueToFree);
  }

  /** A claimed row's send is over; one refused for capacity was answered by `refused` already. */
  settled(outcome: SendOutcome, unboundAt: number): void {
    this.out = Math.max(0, this.out - 1);
    if (this.left === undefined || outcome === "no-capacity") return;
    this.left += outcome === "sent" ? 2 : 1;
    if (this.left >= unboundAt) this.left = undefined;
  }
}
