import "server-only";
// The account's sends per second: the `account_sends_per_second` setting when an admin set one, else the configured default.
import { eq } from "drizzle-orm";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export const ACCOUNT_RATE_SETTING = "account_sends_per_second";

/** Accepts a number, a numeric string or `{ value: number }`; anything else falls back. */
export function parseRateSetting(value: unknown): number | undefined {
  const raw = typeof value === "object" && value !== null && "value" in value ? (value as { value: unknown }).value : value;
  const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export async function configuredAccountRate(db: Db, fallback: number): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, ACCOUNT_RATE_SETTING));
  return (row && parseRateSetting(row.value)) ?? fallback;
}
