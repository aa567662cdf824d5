// The campaigns list's filters as typed state in the page URL, named as /api/campaigns takes them, and its sort
// choices as the form shows them.
import { parseAsString, parseAsStringLiteral } from "nuqs";
import { CAMPAIGN_SORTS, SORT_DIRECTIONS, type CampaignSort, type SortDirection } from "@/lib/campaigns/history-filters";
import { CAMPAIGN_STATUSES } from "@/lib/campaigns/status";

export const CAMPAIGN_FILTERS = {
  q: parseAsString,
  status: parseAsStringLiteral(CAMPAIGN_STATUSES),
  channel: parseAsStringLiteral(["sms", "whatsapp"] as const),
  creator: parseAsString,
  from: parseAsString,
  to: parseAsString,
  sort: parseAsStringLiteral(CAMPAIGN_SORTS),
  dir: parseAsStringLiteral(SORT_DIRECTIONS),
};

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
