import { Badge } from "@/components/ui/badge";
import { STATUS_LABEL, type CampaignStatus } from "@/lib/campaigns/status";

const TONE: Record<CampaignStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  draft: "neutral",
  scheduled: "info",
  running: "success",
  paused: "warning",
  completed: "success",
  cancelled: "danger",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge tone={TONE[status]} data-testid="campaign-status">
      {STATUS_LABEL[status]}
    </Badge>
  );
}
