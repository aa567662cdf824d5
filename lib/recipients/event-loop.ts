// Long reads and checks of a recipient list hand the event loop back now and then, so the server keeps answering other
// requests (and the page stays responsive) while a list of a million rows is worked through.

/** Resolves on a later turn of the event loop, after pending I/O and timers have had their go. */
export function nextTurn(): Promise<void> {
  // setImmediate lets Node serve I/O in between without the 1 ms floor of setTimeout; browsers only have setTimeout.
  return new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** How long the work has held the current turn, to hand it back before it blocks for long. */
export class TurnClock {
  private started = performance.now();

  constructor(private readonly budgetMs = 20) {}

  /** True once this turn has used its budget (or `share` of it). */
  spent(share = 1): boolean {
    return performance.now() - this.started >= this.budgetMs * share;
  }

  /** Hands the event loop back, then throws the signal's reason if the caller gave up meanwhile. */
  async nextTurn(signal?: AbortSignal): Promise<void> {
    await nextTurn();
    this.started = performance.now();
    signal?.throwIfAborted();
  }
}
