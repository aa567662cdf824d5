import "server-only";
// Frequency caps across campaigns, read by preflight and by the dispatcher right before each send. One `settings` row,
// jsonb { rules }. No row: no caps.
import { eq } from "drizzle-orm";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { frequencyCapRuleSchema, NO_FREQUENCY_CAPS, type FrequencyCapRule, type FrequencyCaps } from "./frequency-caps-schema";

export const FREQUENCY_CAPS_SETTING = "frequency_caps";

/** The stored value, rule by rule: a rule that no longer validates is dropped on its own, never thrown. */
export function parseFrequencyCaps(value: unknown): FrequencyCaps {
  const raw = typeof value === "object" && value !== null && Array.isArray((value as { rules?: unknown }).rules) ? (value as { rules: unknown[] }).rules : [];
  const rules: FrequencyCapRule[] = [];
  for (const r of raw) {
    const parsed = frequencyCapRuleSchema.safeParse(r);
    if (parsed.success) rules.push(parsed.data);
  }
  return rules.length === 0 ? NO_FREQUENCY_CAPS : { rules };
}

export async function readFrequencyCaps(db: Db): Promise<FrequencyCaps> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, FREQUENCY_CAPS_SETTING));
  return parseFrequencyCaps(row?.value);
}
