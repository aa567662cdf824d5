"use client";
// The recipients card with the live source's send counts, so it says what the progress card says, at the same moment.
import { useCampaignLive } from "./campaign-live-source";
import { liveRecipientCounts } from "./live-state";
import { RecipientCounts } from "./recipient-counts";

export function LiveRecipientCounts({ counts, reportHref, warnings }: { counts: Record<string, number>; reportHref: string; warnings: string[] }) {
  const live = useCampaignLive();
  return <RecipientCounts counts={liveRecipientCounts(counts, live.progress?.counts ?? null)} reportHref={reportHref} warnings={warnings} />;
}
