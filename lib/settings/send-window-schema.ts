// The shape of a send window as forms, the settings, a campaign's configuration and the API carry it. Pure.
import { z } from "zod";
import { WEEKDAYS, minutesOf, type SendWindow, type Weekday } from "./send-window-math";

export { sendWindowWords } from "./send-window-words";

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM, 00:00 to 24:00");

export const dayHoursSchema = z
  .object({ from: clock, to: clock })
  .refine((h) => minutesOf(h.from) < minutesOf(h.to), { message: "The end must be after the start", path: ["to"] });

const isoDate = z.iso.date({ error: "Use YYYY-MM-DD" });

export const sendWindowSchema = z.object({
  days: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayHoursSchema.nullable()])) as Record<Weekday, z.ZodNullable<typeof dayHoursSchema>>),
  blockedDates: z.array(isoDate).max(366, "At most 366 blocked dates").default([]),
});

/** A campaign's choice: the Settings default, no window at all, or hours of its own. */
export const sendWindowChoiceSchema = z.union([z.literal("default"), z.literal("none"), sendWindowSchema]);
export type SendWindowChoice = z.output<typeof sendWindowChoiceSchema>;

/** The Settings default: `window` null sends at any time. */
export const sendWindowSettingSchema = z.object({ window: sendWindowSchema.nullable() });
export interface SendWindowSetting {
  window: SendWindow | null;
}
export const NO_SEND_WINDOW: SendWindowSetting = { window: null };

/** The window a campaign keeps to: its own, none, or the Settings default (also when it says nothing). */
export function windowForCampaign(setting: SendWindowSetting, choice: SendWindowChoice | undefined): SendWindow | null {
  if (choice === "none") return null;
  if (choice === undefined || choice === "default") return setting.window;
  return choice;
}
