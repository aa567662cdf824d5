// A recipient's own time zone, from the list's time zone column: an IANA name in any case ("america/chicago"), stored
// as Intl spells it ("America/Chicago") so the dispatcher and the send window read the same name. The rule is the one
// send windows use (lib/settings/send-window-math.ts isValidTimeZone: Intl knows it, at most 64 characters); it is
// restated here because lib/settings depends on this domain and cannot be depended on back.

export type TimeZoneCell = { zone: string } | { reason: string };

const LONGEST_ZONE = 64;
// Enough of a bad cell to recognise it; the rest would only lengthen every reason that quotes it.
const QUOTED_MAX = 40;

/** The zone a non-empty cell names, or why it names none. */
export function readTimeZone(text: string): TimeZoneCell {
  if (text.length <= LONGEST_ZONE) {
    try {
      return { zone: new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone };
    } catch {
      // Intl throws a RangeError for a zone it does not know.
    }
  }
  const quoted = text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX)}…` : text;
  return { reason: `unknown time zone "${quoted}"` };
}

// A list names few zones, but junk in the column could name a new one on every row: past this many the cache starts over.
const CACHE_MAX = 10_000;

/**
 * Reads cells a whole list long: undefined for an empty cell (the number's zones apply), else readTimeZone's answer,
 * worked out once per distinct cell text. Building an Intl formatter costs far more than a map lookup, and a million
 * rows mostly repeat a handful of zones.
 */
export function createTimeZoneReader(): (cell: string) => TimeZoneCell | undefined {
  const known = new Map<string, TimeZoneCell | undefined>();
  return (cell) => {
    if (cell === "") return undefined;
    const hit = known.get(cell);
    if (hit !== undefined || known.has(cell)) return hit;
    const text = cell.trim();
    const read = text === "" ? undefined : readTimeZone(text);
    if (known.size >= CACHE_MAX) known.clear();
    known.set(cell, read);
    return read;
  };
}
