// The audit filters live in the page URL as the very strings the API takes, so a filtered view can be
// shared or reloaded. Dates travel as UTC instants; the form shows them in the viewer's own time zone.
export const FILTER_KEYS = ["actor", "action", "target", "from", "to"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

/** The known, non-empty filters in a fixed order, as a query string without the leading "?". */
export function filterQuery(source: URLSearchParams | FilterValues): string {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = (source instanceof URLSearchParams ? source.get(key) : source[key])?.trim();
    if (value) out.set(key, value);
  }
  return out.toString();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local value in this browser's time zone; "" when it is not a date. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A datetime-local value (wall time, no zone) as a UTC instant, read in this browser's time zone so the
 * server never has to guess one. With `endOfMinute`, "To 10:00" still includes entries written at 10:00:30.
 */
export function fromLocalInput(value: string, endOfMinute = false): string {
  if (!value) return "";
  const d = new Date(value);
  // Passed on unchanged so the server's message about it appears next to the field.
  if (Number.isNaN(d.getTime())) return value;
  if (endOfMinute) d.setSeconds(59, 999);
  return d.toISOString();
}
