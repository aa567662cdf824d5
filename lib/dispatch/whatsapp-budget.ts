import "server-only";
// How many more new customers WhatsApp campaigns may reach now, per process: the limit less the customers the contacts
// show in the window, less what this process claimed since it last counted (those chats are not recorded yet). The
// count is read again every few seconds, and at once when the budget is spent and a place is due to free.
import type { Db } from "@/lib/db/types";
import type { DispatchOptions } from "./options";
import { whatsAppReach } from "./whatsapp-reach";

// However often a spent budget is asked about (a batch of refusals arrives together), the count is read at most this often.
const MIN_REREAD_MS = 250;

export interface WhatsAppAllowance {
  /** New customers that may still be reached. */
  left: number;
  /** When (ms since epoch, this process's clock) the earliest counted customer leaves the window. */
  freeAtMs?: number;
}

export class WhatsAppBudget {
  private counted?: { customers: number; readAtMs: number; freeAtMs?: number; limit: number };
  /** Claimed since the count was read. */
  private since = 0;
  /** Claimed and not yet recorded. */
  private inFlight = 0;
  /** A count being read: callers meanwhile wait for it rather than read again. */
  private reading?: Promise<void>;

  constructor(
    private readonly o: Pick<DispatchOptions, "whatsAppWindowMs" | "whatsAppCountMs">,
    private readonly now: () => number = Date.now,
  ) {}

  private left(limit: number): number {
    return this.counted ? Math.max(0, limit - this.counted.customers - this.since) : 0;
  }

  private stale(limit: number, recount: boolean): boolean {
    const c = this.counted;
    if (!c || c.limit !== limit) return true;
    const now = this.now();
    if (now - c.readAtMs >= this.o.whatsAppCountMs) return true;
    if (recount && now - c.readAtMs >= MIN_REREAD_MS) return true;
    // Spent: look again as soon as someone is due to leave the window, or, when the count did not show anyone yet
    // (the sends that spent it were still being recorded), as soon as asked, not a few seconds later.
    const due = c.freeAtMs === undefined || now >= c.freeAtMs;
    return this.left(limit) === 0 && due && now - c.readAtMs >= MIN_REREAD_MS;
  }

  /** `recount`: Connect refused a start as if the limit were reached; the count here may be behind (another process sent). */
  async allowance(db: Db, limit: number, recount = false): Promise<WhatsAppAllowance> {
    if (this.reading) await this.reading;
    else if (this.stale(limit, recount)) {
      this.reading = (async () => {
        const readAtMs = this.now();
        const reach = await whatsAppReach(db, this.o.whatsAppWindowMs);
        this.counted = { customers: reach.customers, readAtMs, limit, freeAtMs: reach.nextFreeInMs === undefined ? undefined : readAtMs + reach.nextFreeInMs };
        // Chats recorded while the count was read are counted twice until the next read: the safe side.
        this.since = this.inFlight;
      })();
      try {
        await this.reading;
      } finally {
        this.reading = undefined;
      }
    }
    return { left: this.left(limit), ...(this.counted!.freeAtMs !== undefined ? { freeAtMs: this.counted!.freeAtMs } : {}) };
  }

  /** `n` rows claimed for sending: each may reach a new customer. */
  take(n: number): void {
    this.since += n;
    this.inFlight += n;
  }

  /** One of them was sent, refused or given up; if sent, its contact is recorded by now. */
  settle(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }
}
