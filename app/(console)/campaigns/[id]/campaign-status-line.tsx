"use client";
// The header's status badge and times, from the page's live source: they change the moment the progress card does.
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { useCampaignLive } from "./campaign-live-source";
import { headerTimes } from "./header-times";

export function LiveStatusBadge() {
  const live = useCampaignLive();
  return <CampaignStatusBadge status={live.status} counts={live.outcome} />;
}

export function LiveTimes() {
  const live = useCampaignLive();
  return headerTimes(live).map(({ label, at }) => (
    <span key={label} data-testid="campaign-time">
      {label} <DateTime at={at} />
    </span>
  ));
}
