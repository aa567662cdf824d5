// Browser-side calls for the campaign page's recipients table and its CSV export; the filters are the page URL's.
import { fetchJson } from "@/components/fetch-json";
import type { RecipientHistoryRow } from "@/lib/campaigns/history-queries";
import type { LiveProgress } from "./live-state";

export const RECIPIENT_PAGE_SIZE = 50;
export const recipientsKey = (campaignId: string) => ["campaign-recipients", campaignId] as const;
// The key the page's live source (campaign-live-source.tsx) polls; everything else reads it through that source.
export const progressKey = (campaignId: string) => ["campaign-progress", campaignId] as const;

/** A recipient as the route sends it: times as ISO strings. */
type Times = "sentAt" | "repliedAt" | "deliveredAt" | "readAt" | "optedOutAt";
export type RecipientItem = Omit<RecipientHistoryRow, Times> & Record<Times, string | null>;

export interface RecipientPage {
  recipients: RecipientItem[];
  nextCursor: string | null;
}

export function fetchRecipientPage(campaignId: string, query: string, cursor: string | undefined, signal?: AbortSignal): Promise<RecipientPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(RECIPIENT_PAGE_SIZE));
  return fetchJson(`/api/campaigns/${campaignId}/recipients?${params}`, signal);
}

export function fetchProgress(campaignId: string, signal?: AbortSignal) {
  return fetchJson<{ progress: LiveProgress }>(`/api/campaigns/${campaignId}/progress`, signal);
}

export function recipientsExportHref(campaignId: string, query: string): string {
  return `/api/campaigns/${campaignId}/recipients.csv${query ? `?${query}` : ""}`;
}
