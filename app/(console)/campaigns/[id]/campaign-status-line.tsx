"use client";
// The header's status badge and times, from the page's live source: they change the moment the progress card does.
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { useCampaignLive } from "./campaign-live-source";
import { headerTimeWords } from "./header-times";

export function LiveStatusBadge() {
  const live = useCampaignLive();
  return <CampaignStatusBadge status={live.status} counts={live.outcome} />;
}

export function LiveTimes() {
  const live = useCampaignLive();
  return headerTimeWords(live).map((words) => (
    <span key={words.split(" ")[0]} data-testid="campaign-time">
      {words}
    </span>
  ));
}
