// Date filters travel in the URL as UTC instants; the forms show them in the viewer's own time zone, as a date or a
// date and minute. Pure.

const pad = (n: number) => String(n).padStart(2, "0");
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as a datetime-local value in this browser's time zone; "" when it is not a date. */
export function toLocalInput(iso: string | null | undefined): string {
  const d = instant(iso);
  return d ? `${day(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}` : "";
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

/** An instant as a date input's value, in this browser's time zone; "" when it is not a date. */
export function toDayInput(iso: string | null | undefined): string {
  const d = instant(iso);
  return d ? day(d) : "";
}

/**
 * A date input's value as a UTC instant: the start of that day here, or with `endOfDay` its last millisecond, so
 * "to 31 March" includes rows created on the evening of the 31st.
 */
export function fromDayInput(value: string, endOfDay = false): string {
  if (!value) return "";
  const d = new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00"}`);
  // Passed on unchanged so the server's message about it appears next to the field.
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
