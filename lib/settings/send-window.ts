import "server-only";
// The default send window, read by preflight and the dispatcher for every campaign that keeps to the default. One
// `settings` row, jsonb { window }. No row, or a stored value that no longer validates: no window (send any time).
import { eq } from "drizzle-orm";
import { NO_SEND_WINDOW, sendWindowSettingSchema, type SendWindowSetting } from "@/lib/settings/send-window-schema";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export const SEND_WINDOW_SETTING = "send_window";

export function parseSendWindowSetting(value: unknown): SendWindowSetting {
  const parsed = sendWindowSettingSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_SEND_WINDOW;
}

export async function readSendWindowSetting(db: Db): Promise<SendWindowSetting> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SEND_WINDOW_SETTING));
  return parseSendWindowSetting(row?.value);
}
