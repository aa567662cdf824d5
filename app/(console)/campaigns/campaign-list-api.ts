// What /api/campaigns sends the campaigns list, a page at a time.
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
