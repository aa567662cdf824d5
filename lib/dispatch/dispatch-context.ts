// What the dispatcher loop and its send tasks share inside one process.
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { Db } from "@/lib/db/types";
import type { SendingCapacity } from "@/lib/settings/sending-capacity";
import type { NumberDirectory } from "./number-directory";
import type { DispatchOptions } from "./options";
import type { BucketSpec } from "./rate-limiter";
import type { ThrottleWindow } from "./throttle-window";
import type { WhatsAppBudget } from "./whatsapp-budget";

export interface DispatchContext {
  db: Db;
  gateway: ConnectGateway;
  workerId: string;
  o: DispatchOptions;
  log: (line: string) => void;
  /** The account bucket as configured now (rate from the setting or the option). */
  account: BucketSpec;
  limiter: {
    /** The account bucket's current rate as last seen: below `account.rate` after throttling. */
    currentRate: number;
    /** Successes since the rate was last raised. */
    successes: number;
    /** When this process last halved the rate; one halving per second, however many sends were throttled together. */
    lastThrottleMs: number;
    /** Recent sends, throttled or not: the rate comes down only when throttling is a real share of them. */
    recent: ThrottleWindow;
  };
  /** Number rates and the WhatsApp daily limit as last read from Settings → Sending (every few seconds). */
  capacity: SendingCapacity;
  /** Each source number's type and country, for its default rate. */
  numbers: NumberDirectory;
  /** New WhatsApp customers this process may still reach under the daily limit. */
  whatsApp: WhatsAppBudget;
}
