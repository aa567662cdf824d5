// The campaign page's live read and the query keys its parts share. Kept apart from the recipients table's module,
// whose URL-state code the page loads later (recipients-on-demand.tsx).
import { fetchJson } from "@/components/fetch-json";
import type { LiveProgress } from "./live-state";

export const recipientsKey = (campaignId: string) => ["campaign-recipients", campaignId] as const;
// The key the page's live source (campaign-live-source.tsx) polls; everything else reads it through that source.
export const progressKey = (campaignId: string) => ["campaign-progress", campaignId] as const;

export function fetchProgress(campaignId: string, signal?: AbortSignal) {
  return fetchJson<{ progress: LiveProgress }>(`/api/campaigns/${campaignId}/progress`, signal);
}
