// The shape of a send window as forms, the settings, a campaign's configuration and the API carry it. Pure.
import { z } from "zod";
import { WEEKDAYS, minutesOf, type SendWindow, type Weekday } from "./send-window-math";

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

const DAY_NAMES: Record<Weekday, string> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/** "Mon–Fri 09:00–20:00, Sat 10:00–16:00, Sun closed; 2 blocked dates" */
export function sendWindowWords(window: SendWindow | null): string {
  if (!window) return "Any time";
  const groups: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const h = window.days[day];
    const hours = h ? `${h.from}–${h.to}` : "closed";
    const last = groups.at(-1);
    if (last && last.hours === hours) last.to = day;
    else groups.push({ from: day, to: day, hours });
  }
  const words = groups.map((g) => `${DAY_NAMES[g.from]}${g.from === g.to ? "" : `–${DAY_NAMES[g.to]}`} ${g.hours}`).join(", ");
  const n = window.blockedDates.length;
  return n === 0 ? words : `${words}; ${n} blocked ${n === 1 ? "date" : "dates"}`;
}
