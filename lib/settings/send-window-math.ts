// Send windows: the hours a recipient may be contacted, in their own time zone. Pure (Intl only), shared by the
// composer, preflight, the planner wiring and the dispatcher. A number may map to several zones (a country or area
// code spanning zones): the window is open only while it is open in every one of them.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock hours, "HH:MM" from `from` (inclusive) to `to` (exclusive; "24:00" is the end of the day). */
export interface DayHours {
  from: string;
  to: string;
}

export interface SendWindow {
  /** Per weekday: its hours, or null when closed all day. */
  days: Record<Weekday, DayHours | null>;
  /** Local calendar dates (YYYY-MM-DD) closed all day. */
  blockedDates: string[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// How far ahead an opening is looked for: a window closed for longer than a year never opens.
const HORIZON_DAYS = 400;

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an IANA name such as America/Chicago). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

interface LocalTime {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  minutes: number;
  /** Local wall time as if it were UTC, in ms: its difference to the instant is the zone's offset. */
  wallMs: number;
}

function localTime(zone: string, ms: number): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const wallMs = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (ms % 1000);
  return { day: Math.floor(wallMs / DAY_MS), minutes: parts.hour! * 60 + parts.minute!, wallMs };
}

/**
 * The first instant at or after the local wall time `day` + `minutes` in `zone`. A wall time skipped by a DST switch
 * (02:30 on the spring-forward night) maps to the instant the clocks jump to; a repeated one to its first occurrence.
 */
export function wallTimeToInstant(zone: string, day: number, minutes: number): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const offset = (ms: number) => localTime(zone, ms).wallMs - ms;
  // The offsets a day either side: at most one switch lies between, so the answer uses one of them.
  const before = wall - offset(wall - DAY_MS);
  const after = wall - offset(wall + DAY_MS);
  const fits = [before, after].filter((c) => localTime(zone, c).wallMs === wall);
  if (fits.length > 0) return Math.min(...fits);
  // Skipped: the clocks jump past the wall time at the switch, found to the minute between the two candidates.
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.max(MINUTE_MS, Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS);
    if (localTime(zone, mid).wallMs >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

export const dayKey = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day: number): Weekday => WEEKDAYS[(new Date(day * DAY_MS).getUTCDay() + 6) % 7]!;

function hoursOn(window: SendWindow, day: number, blocked: ReadonlySet<string>): DayHours | null {
  if (blocked.size > 0 && blocked.has(dayKey(day))) return null;
  return window.days[weekdayOf(day)] ?? null;
}

const blockedSets = new WeakMap<SendWindow, Set<string>>();
function blockedOf(window: SendWindow): Set<string> {
  let s = blockedSets.get(window);
  if (!s) blockedSets.set(window, (s = new Set(window.blockedDates)));
  return s;
}

function openInZone(window: SendWindow, zone: string, ms: number): boolean {
  const local = localTime(zone, ms);
  const hours = hoursOn(window, local.day, blockedOf(window));
  return hours !== null && local.minutes >= minutesOf(hours.from) && local.minutes < minutesOf(hours.to);
}

/** Zones to judge by: none known is UTC's. */
const zonesOrUtc = (zones: readonly string[]) => (zones.length > 0 ? zones : ["UTC"]);

/** Whether a message may go out at `at` to a recipient in every one of `zones`. */
export function isOpen(window: SendWindow | null, zones: readonly string[], at: Date): boolean {
  if (!window) return true;
  return zonesOrUtc(zones).every((z) => openInZone(window, z, at.getTime()));
}

/** The next instant at or after `ms` when the window is open in `zone`, or null within the horizon. */
function nextOpeningInZone(window: SendWindow, zone: string, ms: number): number | null {
  const today = localTime(zone, ms).day;
  const blocked = blockedOf(window);
  for (let day = today; day <= today + HORIZON_DAYS; day++) {
    const hours = hoursOn(window, day, blocked);
    if (!hours) continue;
    const start = wallTimeToInstant(zone, day, minutesOf(hours.from));
    const end = wallTimeToInstant(zone, day, minutesOf(hours.to));
    if (end <= ms || end <= start) continue;
    return Math.max(start, ms);
  }
  return null;
}

/**
 * The first instant at or after `at` when the window is open in every zone: `at` itself when open now, null when it
 * never opens (every day closed, or the zones' hours never overlap) within about a year.
 */
export function nextOpening(window: SendWindow | null, zones: readonly string[], at: Date): Date | null {
  if (!window) return at;
  const list = zonesOrUtc(zones);
  const limit = at.getTime() + HORIZON_DAYS * DAY_MS;
  let t = at.getTime();
  // Each round moves to where the zone closed at t next opens; the zones' windows either overlap or push t past the horizon.
  for (let round = 0; round < 2_000 && t <= limit; round++) {
    let next = t;
    for (const zone of list) {
      if (openInZone(window, zone, t)) continue;
      const opening = nextOpeningInZone(window, zone, t);
      if (opening === null) return null;
      next = Math.max(next, opening);
    }
    if (next === t) return new Date(t);
    t = next;
  }
  return null;
}

/** The zone that opens last at `opening`, for saying "opens 09:00 America/Chicago": the one whose hours bind. */
export function bindingZone(window: SendWindow, zones: readonly string[], at: Date): string {
  const list = zonesOrUtc(zones);
  let best = list[0]!;
  let bestMs = -Infinity;
  for (const zone of list) {
    const ms = openInZone(window, zone, at.getTime()) ? at.getTime() : (nextOpeningInZone(window, zone, at.getTime()) ?? Infinity);
    if (ms > bestMs) [best, bestMs] = [zone, ms];
  }
  return best;
}

/** "09:00" in `zone` at `at`. */
export function localClock(zone: string, at: Date): string {
  const m = localTime(zone, at.getTime()).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "waiting for send window (opens 09:00 America/Chicago)" — the reason a waiting row shows. */
export function waitingWords(window: SendWindow, zones: readonly string[], opening: Date, now: Date): string {
  const zone = bindingZone(window, zones, now);
  return `waiting for send window (opens ${localClock(zone, opening)} ${zone})`;
}

/**
 * Intervals within [from, to) when the window is open in every zone: what the planner takes as its send windows.
 * Walks opening to closing; a closing is found a minute at a time only near the boundary, so a week costs little.
 */
export function openIntervals(window: SendWindow | null, zones: readonly string[], from: Date, to: Date): { start: Date; end: Date }[] {
  if (!window) return [{ start: from, end: to }];
  const out: { start: Date; end: Date }[] = [];
  let t = from.getTime();
  while (t < to.getTime() && out.length < 1_000) {
    const open = nextOpening(window, zones, new Date(t));
    if (!open || open.getTime() >= to.getTime()) break;
    const close = nextClosing(window, zones, open.getTime(), to.getTime());
    out.push({ start: open, end: new Date(close) });
    t = close;
  }
  return out;
}

/** The first instant after `ms` (open) when some zone closes, capped at `limit`. */
function nextClosing(window: SendWindow, zones: readonly string[], ms: number, limit: number): number {
  let close = limit;
  for (const zone of zonesOrUtc(zones)) {
    const local = localTime(zone, ms);
    const hours = hoursOn(window, local.day, blockedOf(window));
    if (!hours) return ms;
    close = Math.min(close, wallTimeToInstant(zone, local.day, minutesOf(hours.to)));
  }
  return Math.max(close, ms + MINUTE_MS);
}
