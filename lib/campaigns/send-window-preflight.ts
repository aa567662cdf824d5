// The send window's part of a preflight: valid rows counted by their zones (the row's own time zone, else the zones its
// number maps to) while the list streams through (a cached lookup per row, no query), then judged once per set of
// zones: how many are sendable at the start, when the rest open, and the windows the capacity planner sends within.
// Pure apart from the zone lookup it is given.
import { formatDuration } from "@/lib/planner/duration-words";
import { bindingZone, isOpen, localClock, nextOpening, openIntervals, type SendWindow } from "@/lib/settings/send-window-math";

/** Valid rows per set of zones, most first: what the list holds, whatever the clock says. */
export interface SendWindowFacts {
  window: SendWindow;
  zoneSets: { zones: string[]; count: number }[];
}

export interface SendWindowSummary {
  /** Valid rows that may be sent at the start (now, or the scheduled start). */
  sendableAtStart: number;
  /** Valid rows outside their window then. */
  waiting: number;
  /** When the first of the waiting rows can go, and the zone whose hours it is. */
  nextOpening: { at: string; zone: string; clock: string } | null;
  /** Valid rows whose window never opens (every day closed, or their zones never overlap): they will be skipped. */
  neverOpens: number;
}

// More distinct zone sets than any real list has; beyond it rows count under the last set's neighbours in the summary
// only by their totals, never dropped.
const MAX_ZONE_SETS = 1_000;

/**
 * `zonesOf` is recipientZones (send-window-zones.ts): a row's own zone when it has one, else its number's. Rows are
 * counted per zones array, so equal arrays must be the same array: the number lookup caches its arrays, and an
 * override's one-zone array is kept here per zone name.
 */
export function createSendWindowTally(window: SendWindow, zonesOf: (e164: string, timeZone?: string) => readonly string[]) {
  const counts = new Map<readonly string[], number>();
  const ownZone = new Map<string, readonly string[]>();
  return {
    add(e164: string, timeZone?: string) {
      let zones = timeZone === undefined ? undefined : ownZone.get(timeZone);
      if (zones === undefined) {
        zones = zonesOf(e164, timeZone);
        // Kept only when the override was used: an override the lookup refused leaves the number's own (cached) zones.
        if (timeZone !== undefined && zones.length === 1 && zones[0] === timeZone) ownZone.set(timeZone, zones);
      }
      counts.set(zones, (counts.get(zones) ?? 0) + 1);
    },
    facts(): SendWindowFacts {
      // The lookup hands back the same array for the same zones; sets equal in content are merged here.
      const merged = new Map<string, { zones: string[]; count: number }>();
      for (const [zones, count] of counts) {
        const key = zones.join("&");
        const hit = merged.get(key);
        if (hit) hit.count += count;
        else merged.set(key, { zones: [...zones], count });
      }
      return { window, zoneSets: [...merged.values()].sort((a, b) => b.count - a.count).slice(0, MAX_ZONE_SETS) };
    },
  };
}

export function summarizeSendWindow(facts: SendWindowFacts, at: Date): SendWindowSummary {
  let sendable = 0;
  let waiting = 0;
  let never = 0;
  let first: { ms: number; zones: string[] } | null = null;
  for (const set of facts.zoneSets) {
    if (isOpen(facts.window, set.zones, at)) {
      sendable += set.count;
      continue;
    }
    const opening = nextOpening(facts.window, set.zones, at);
    if (!opening) {
      never += set.count;
      continue;
    }
    waiting += set.count;
    if (!first || opening.getTime() < first.ms) first = { ms: opening.getTime(), zones: set.zones };
  }
  const nextAt = first ? new Date(first.ms) : null;
  const zone = first ? bindingZone(facts.window, first.zones, at) : null;
  return {
    sendableAtStart: sendable,
    waiting,
    neverOpens: never,
    nextOpening: nextAt && zone ? { at: nextAt.toISOString(), zone, clock: localClock(zone, nextAt) } : null,
  };
}

/**
 * "1,200 of 3,000 are outside their send window now; the next opens at 09:00 America/Chicago (in 2 h)". Nothing when
 * every row may be sent at the start.
 */
export function sendWindowWarnings(s: SendWindowSummary, valid: number, at: Date, scheduled: boolean): string[] {
  const out: string[] = [];
  const when = scheduled ? "at the scheduled start" : "now";
  if (s.waiting > 0 && s.nextOpening) {
    const inWords = formatDuration(Math.max(0, (Date.parse(s.nextOpening.at) - at.getTime()) / 1000));
    out.push(
      `${s.waiting.toLocaleString("en-US")} of ${valid.toLocaleString("en-US")} are outside their send window ${when}; the next opens at ${s.nextOpening.clock} ${s.nextOpening.zone} (in ${inWords}). They wait and are sent when it opens`,
    );
  }
  if (s.neverOpens > 0)
    out.push(
      `${s.neverOpens.toLocaleString("en-US")} ${s.neverOpens === 1 ? "recipient's" : "recipients'"} send window never opens (their time zones' hours do not overlap, or every day is closed): they will be skipped`,
    );
  return out;
}

// Windows handed to the planner reach this far: a campaign still sending after three months is reported as not finishing.
const PLAN_HORIZON_MS = 90 * 86_400_000;

/**
 * The windows the planner sends within: those of the zones holding most rows. The planner has one set of windows for
 * the whole campaign; taking the largest group's keeps the projection honest for the bulk of the list, where the union
 * of every zone's hours would promise sends the other zones' recipients cannot take.
 */
export function planWindows(facts: SendWindowFacts, from: Date): { start: Date; end: Date }[] | undefined {
  const largest = facts.zoneSets[0];
  if (!largest) return undefined;
  return openIntervals(facts.window, largest.zones, from, new Date(from.getTime() + PLAN_HORIZON_MS));
}
