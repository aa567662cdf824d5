import "server-only";
// What the capacity planner is told about sending capacity beyond the account rate: messages per second an admin set
// for particular source numbers, and the WhatsApp business portfolio's daily limit. One `settings` row, jsonb.
import { eq } from "drizzle-orm";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { DEFAULT_WHATSAPP_DAILY_LIMIT, MAX_NUMBER_MESSAGES_PER_SECOND, WHATSAPP_DAILY_LIMITS } from "./schemas";

export const SENDING_CAPACITY_SETTING = "sending_capacity";

export interface SendingCapacity {
  /** Overrides by the number's ARN as Connect lists it; a number not here sends at the default for its type. */
  numberMessagesPerSecond: Record<string, number>;
  /** Unique customers per rolling 24 hours; null: unlimited. */
  whatsAppDailyLimit: number | null;
}

export const DEFAULT_SENDING_CAPACITY: SendingCapacity = { numberMessagesPerSecond: {}, whatsAppDailyLimit: DEFAULT_WHATSAPP_DAILY_LIMIT };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The stored value, field by field: an override that is not a usable rate is dropped on its own, and a daily limit that
 * is not one of WhatsApp's tiers falls back to the default, so one bad entry never costs the others and reading never
 * throws.
 */
export function parseSendingCapacity(value: unknown): SendingCapacity {
  if (!isRecord(value)) return { ...DEFAULT_SENDING_CAPACITY, numberMessagesPerSecond: {} };
  const numberMessagesPerSecond: Record<string, number> = {};
  if (isRecord(value.numberMessagesPerSecond)) {
    for (const [arn, rate] of Object.entries(value.numberMessagesPerSecond)) {
      if (arn !== "" && typeof rate === "number" && Number.isFinite(rate) && rate > 0 && rate <= MAX_NUMBER_MESSAGES_PER_SECOND) {
        numberMessagesPerSecond[arn] = rate;
      }
    }
  }
  const limit = value.whatsAppDailyLimit;
  const whatsAppDailyLimit =
    limit === null ? null : (WHATSAPP_DAILY_LIMITS as readonly number[]).includes(limit as number) ? (limit as number) : DEFAULT_WHATSAPP_DAILY_LIMIT;
  return { numberMessagesPerSecond, whatsAppDailyLimit };
}

export async function readSendingCapacity(db: Db): Promise<SendingCapacity> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SENDING_CAPACITY_SETTING));
  return parseSendingCapacity(row?.value);
}
