// Time ticks in the reader's time zone. d3's time scales know only UTC and the runtime's own zone, while the console
// names the zone it speaks in (UTC on the server, the browser's afterwards): so ticks are chosen by d3 on wall-clock
// time (the zone's local time written as if it were UTC) and turned back into instants, which puts them on the zone's
// round hours and midnights, including across a change of summer time.
import { scaleUtc } from "d3-scale";
import { labelsFit, textWidth } from "./scale";

export interface TimeTick {
  /** The instant of the tick. */
  ms: number;
  /** What the axis says there: "10:05", "7 Dec", "Dec 2026", "2027". */
  label: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(ms: number, timeZone: string): number[] {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return [p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!];
}

/** How far the zone's clock is ahead of UTC at `ms`, in milliseconds. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallParts(ms, timeZone) as [number, number, number, number, number, number];
  return Date.UTC(y, mo, d, h, mi, s) - Math.floor(ms / 1000) * 1000;
}

const toWall = (ms: number, timeZone: string) => ms + zoneOffsetMs(ms, timeZone);

/** The instant whose wall-clock time in the zone is `wall` (the later reading for a time summer time skips). */
function fromWall(wall: number, timeZone: string): number {
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A tick's label from its wall-clock time and the step between ticks: as short as the step allows. */
function tickLabel(wall: number, step: number): string {
  const d = new Date(wall);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (step >= 365 * DAY) return String(d.getUTCFullYear());
  if (step >= 28 * DAY) return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (step >= DAY) return day;
  // Midnight is where the date changes: say the date there rather than 00:00.
  if (wall % DAY === 0) return day;
  if (step >= 60_000) return clock;
  const seconds = `${clock}:${pad(d.getUTCSeconds())}`;
  if (step >= 1000) return seconds;
  return `${seconds}.${pad(d.getUTCMilliseconds(), 3).slice(0, step >= 100 ? 1 : step >= 10 ? 2 : 3)}`;
}

/** About `count` ticks between two instants, on round wall-clock times of `timeZone`. */
export function timeTicks(startMs: number, endMs: number, count: number, timeZone: string): TimeTick[] {
  if (!(endMs > startMs)) return [];
  const walls = scaleUtc()
    .domain([toWall(startMs, timeZone), toWall(endMs, timeZone)])
    .ticks(Math.max(1, count))
    .map(Number);
  const step = walls.length > 1 ? walls[1]! - walls[0]! : endMs - startMs;
  const ticks: TimeTick[] = [];
  for (const wall of walls) {
    const ms = fromWall(wall, timeZone);
    // A wall time summer time repeats or skips can land outside the span or on the previous tick.
    if (ms < startMs || ms > endMs || (ticks.length > 0 && ms <= ticks.at(-1)!.ms)) continue;
    // Labelled from the instant itself: a tick on a wall time that summer time skips reads as the hour it became.
    ticks.push({ ms, label: tickLabel(toWall(ms, timeZone), step) });
  }
  return ticks;
}

/**
 * The most time ticks whose labels sit side by side without touching, for an axis `lengthPx` long: from one every
 * 60 px down to a single one.
 */
export function fitTimeTicks(startMs: number, endMs: number, lengthPx: number, timeZone: string): TimeTick[] {
  const at = (ms: number) => ((ms - startMs) / (endMs - startMs)) * lengthPx;
  let ticks: TimeTick[] = [];
  for (let count = Math.max(1, Math.floor(lengthPx / 60)); count >= 1; count--) {
    ticks = timeTicks(startMs, endMs, count, timeZone);
    if (
      labelsFit(
        ticks.map((t) => at(t.ms)),
        ticks.map((t) => textWidth(t.label)),
      )
    )
      return ticks;
  }
  return ticks.slice(0, 1);
}
