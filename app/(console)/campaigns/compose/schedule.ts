// "Start at" is typed as a wall-clock time in the browser's time zone (a datetime-local input has no zone), but the
// campaign stores an ISO instant with its offset, so the time means the same thing to the server and the worker.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The browser's IANA time zone, e.g. "Europe/Berlin". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Minutes the zone is ahead of UTC at this instant (Berlin in summer: 120). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** "2025-07-01T09:30" in `timeZone` → "2025-07-01T09:30:00+02:00"; null when the value is not a date and time. */
export function localInputToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  // Two passes: the first guess can land on the other side of a daylight-saving change.
  let offset = zoneOffsetMinutes(wall, timeZone);
  offset = zoneOffsetMinutes(wall - offset * 60_000, timeZone);
  const instant = wall - offset * 60_000;
  return formatWithOffset(instant, offset);
}

/** An ISO instant as the datetime-local value for `timeZone` ("2025-07-01T09:30"); "" when it cannot be read. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return "";
  const offset = zoneOffsetMinutes(instant, timeZone);
  return formatWithOffset(instant, offset).slice(0, 16);
}

function formatWithOffset(instant: number, offsetMinutes: number): string {
  const wall = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
