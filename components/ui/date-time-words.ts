// How the console writes an instant: in the viewer's own time zone, with UTC alongside on hover, and "5 min ago"
// where how long ago matters more than the clock. Pure, so every page writes a time the same way.
const localFormats = new Map<string, Intl.DateTimeFormat>();

function localFormat(timeZone: string, seconds: boolean, withYear: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}|${withYear}`;
  let f = localFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: withYear ? "numeric" : undefined,
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      second: seconds ? "2-digit" : undefined,
      timeZoneName: "short",
    });
    localFormats.set(key, f);
  }
  return f;
}

const yearIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(at);

/** "2026-12-06 18:34:41 UTC": the exact instant, the same for every viewer. */
export function utcWords(at: Date, seconds = true): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}

/**
 * "Dec 6, 2026, 6:34 PM CST" in `timeZone`; the year is left out when it is the current one (`now`), since a
 * supervisor mostly reads this year's sends.
 */
export function localWords(at: Date, timeZone: string, { seconds = false, now }: { seconds?: boolean; now?: Date } = {}): string {
  const withYear = !now || yearIn(at, timeZone) !== yearIn(now, timeZone);
  return localFormat(timeZone, seconds, withYear).format(at);
}

const STEPS: [limitSeconds: number, unitSeconds: number, unit: string][] = [
  [3_600, 60, "min"],
  [86_400, 3_600, "h"],
  [Infinity, 86_400, "day"],
];

/** "just now", "5 min ago", "in 3 h", "2 days ago": how far `at` is from `now`, in its largest whole unit. */
export function relativeWords(at: Date, now: Date): string {
  const delta = Math.round((at.getTime() - now.getTime()) / 1000);
  const seconds = Math.abs(delta);
  if (seconds < 60) return delta > 5 ? "in under a minute" : "just now";
  for (const [limit, size, unit] of STEPS) {
    if (seconds < limit) {
      const n = Math.floor(seconds / size);
      const words = `${n} ${unit}${unit === "day" && n !== 1 ? "s" : ""}`;
      return delta > 0 ? `in ${words}` : `${words} ago`;
    }
  }
  return "just now";
}

/** Anything a route or a row hands over as a time, as a Date; null when it is missing or not a time. */
export function toInstant(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const at = value instanceof Date ? value : new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
