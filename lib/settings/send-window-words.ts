// A send window in words, for Settings, the composer and skip reasons. Without zod, so the Settings form can say it
// without loading the schema (send-window-schema.ts) with the page.
import { WEEKDAYS, type SendWindow, type Weekday } from "./send-window-math";

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
