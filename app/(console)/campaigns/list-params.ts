// The campaigns list's sort choices and date range as the form shows them and the URL keeps them. Pure.
import type { CampaignSort, SortDirection } from "@/lib/campaigns/history-filters";

export const SORT_CHOICES: { value: `${CampaignSort}:${SortDirection}`; label: string }[] = [
  { value: "created:desc", label: "Created, newest first" },
  { value: "created:asc", label: "Created, oldest first" },
  { value: "name:asc", label: "Name, A to Z" },
  { value: "name:desc", label: "Name, Z to A" },
  { value: "launched:desc", label: "Launched, newest first" },
  { value: "launched:asc", label: "Launched, oldest first" },
];

/** The URL's sort and dir as one choice; the server's defaults when they are absent. */
export function sortChoice(sort: string | null, dir: string | null): string {
  const s = sort ?? "created";
  return `${s}:${dir ?? (s === "name" ? "asc" : "desc")}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a date input's value, in this browser's time zone; "" when it is not a date. */
export function toDayInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A date input's value as a UTC instant: the start of that day here, or with `endOfDay` its last millisecond, so
 * "to 31 March" includes campaigns created on the evening of the 31st.
 */
export function fromDayInput(value: string, endOfDay = false): string {
  if (!value) return "";
  const d = new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00"}`);
  // Passed on unchanged so the server's message about it appears next to the field.
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
