// Browser-side call for the campaign page's charts, open chats and replies (GET /api/campaigns/[id]/activity).
import { fetchJson } from "@/components/fetch-json";
import type { CampaignActivity } from "@/lib/campaigns/activity";
import type { CampaignChats } from "@/lib/campaigns/open-chats";
import type { CampaignReplies } from "@/lib/campaigns/reply-counts";

export interface ActivityResponse {
  activity: CampaignActivity;
  chats: Omit<CampaignChats, "lastCheckedAt"> & { lastCheckedAt: string | null; quota: number; reconcileEverySeconds: number };
  replies: CampaignReplies;
}

export const activityKey = (campaignId: string) => ["campaign-activity", campaignId] as const;

export function fetchActivity(campaignId: string, signal?: AbortSignal): Promise<ActivityResponse> {
  return fetchJson(`/api/campaigns/${campaignId}/activity`, signal);
}
