// Browser-side calls to /api/campaigns. The filters travel as the page URL's query string, unchanged.
import { fetchJson } from "@/components/fetch-json";
import type { CampaignHistoryRow } from "@/lib/campaigns/history-queries";

export const CAMPAIGN_PAGE_SIZE = 50;
export const CAMPAIGN_LIST_KEY = ["campaigns", "history"] as const;

/** A campaign as the route sends it: dates as ISO strings. */
export type CampaignListItem = Omit<CampaignHistoryRow, "createdAt" | "launchedAt" | "scheduledAt" | "finishedAt"> & {
  createdAt: string;
  launchedAt: string | null;
  scheduledAt: string | null;
  finishedAt: string | null;
};

export interface CampaignListPage {
  campaigns: CampaignListItem[];
  nextCursor: string | null;
}

export function fetchCampaignPage(query: string, cursor: string | undefined, signal?: AbortSignal): Promise<CampaignListPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(CAMPAIGN_PAGE_SIZE));
  return fetchJson(`/api/campaigns?${params}`, signal);
}
