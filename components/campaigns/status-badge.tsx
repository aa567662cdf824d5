import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/campaigns/status";
import { campaignStatusTone, campaignStatusWords, type OutcomeCounts } from "@/lib/campaigns/status-words";

/** The status in words; with the campaign's counts, a finished one also says what failed or was never sent. */
export function CampaignStatusBadge({ status, counts }: { status: CampaignStatus; counts?: OutcomeCounts }) {
  return (
    <Badge tone={campaignStatusTone(status, counts)} data-testid="campaign-status" data-status={status}>
      {campaignStatusWords(status, counts)}
    </Badge>
  );
}
