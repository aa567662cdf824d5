// Unique customers each WhatsApp business account sent a business-initiated message to in the moving 24 hours
// before now, on the simulated clock. Derived from the contacts, so it is rebuilt after a restart or reset.
export const MESSAGING_WINDOW_MS = 24 * 60 * 60 * 1000;

export class WhatsAppReach {
  // Per account: customer → simulated time of their latest message, oldest first (times only move forward).
  private readonly accounts = new Map<string, Map<string, number>>();

  record(accountId: string, customer: string, atMs: number): void {
    let customers = this.accounts.get(accountId);
    if (!customers) this.accounts.set(accountId, (customers = new Map()));
    const previous = customers.get(customer);
    if (previous !== undefined && previous >= atMs) return;
    // Re-inserting moves the customer to the newest end, which keeps the map ordered by time.
    customers.delete(customer);
    customers.set(customer, atMs);
  }

  /** Whether this customer already counts in the account's window (a repeat costs nothing). */
  includes(accountId: string, customer: string, nowMs: number): boolean {
    return this.window(accountId, nowMs)?.has(customer) ?? false;
  }

  count(accountId: string, nowMs: number): number {
    return this.window(accountId, nowMs)?.size ?? 0;
  }

  /** When the oldest customer in the window stops counting, freeing one place; undefined when nobody counts. */
  nextFreeAtMs(accountId: string, nowMs: number): number | undefined {
    const oldest = this.window(accountId, nowMs)?.values().next();
    return oldest && !oldest.done ? oldest.value + MESSAGING_WINDOW_MS : undefined;
  }

  clear(): void {
    this.accounts.clear();
  }

  private window(accountId: string, nowMs: number): Map<string, number> | undefined {
    const customers = this.accounts.get(accountId);
    if (!customers) return undefined;
    for (const [customer, atMs] of customers) {
      if (nowMs - atMs < MESSAGING_WINDOW_MS) break;
      customers.delete(customer);
    }
    return customers;
  }
}
