// Browser-side calls for the campaign page's recipients table and its CSV export, and its filters as typed state in the
// page URL, named as the routes take them.
import { parseAsString, parseAsStringLiteral } from "nuqs";
import { withQuery } from "@/components/list/query-string";
import { RECIPIENT_SORTS, RECIPIENT_STATUSES, SORT_DIRECTIONS } from "@/lib/campaigns/history-filters";
import { WAIT_KINDS } from "@/lib/campaigns/waits";
import { FUNNEL_STAGES } from "@/lib/ledger/funnel-stages";
import type { RecipientHistoryRow } from "@/lib/campaigns/history-queries";

export const RECIPIENT_PAGE_SIZE = 50;
export { recipientsKey } from "./live-api";

export const RECIPIENT_FILTERS = {
  status: parseAsStringLiteral(RECIPIENT_STATUSES),
  waiting: parseAsStringLiteral(["any", ...WAIT_KINDS] as const),
  error: parseAsString,
  q: parseAsString,
  replied: parseAsStringLiteral(["yes"] as const),
  stage: parseAsStringLiteral(FUNNEL_STAGES),
  sort: parseAsStringLiteral(RECIPIENT_SORTS),
  dir: parseAsStringLiteral(SORT_DIRECTIONS),
};

/** A recipient as the route sends it: times as ISO strings. */
type Times = "sentAt" | "repliedAt" | "deliveredAt" | "readAt" | "optedOutAt";
export type RecipientItem = Omit<RecipientHistoryRow, Times> & Record<Times, string | null>;

export interface RecipientPage {
  recipients: RecipientItem[];
  nextCursor: string | null;
}

export const recipientsPath = (campaignId: string) => `/api/campaigns/${campaignId}/recipients`;
export const recipientsExportHref = (campaignId: string, query: string) => withQuery(`/api/campaigns/${campaignId}/recipients.csv`, query);
