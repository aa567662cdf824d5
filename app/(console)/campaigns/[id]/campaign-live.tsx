"use client";
// The progress card: the live source's figures (read every second while the campaign moves) and, for a supervisor, the
// controls. A finished campaign shows its final figures instead of a rate and a time left.
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CampaignControls } from "./campaign-controls";
import { useCampaignLive } from "./campaign-live-source";
import { ProgressFigures } from "./progress-figures";

export function CampaignLive({ campaignName, canControl }: { campaignName: string; canControl: boolean }) {
  const live = useCampaignLive();
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Progress</CardTitle>
        {canControl ? <CampaignControls campaignId={live.campaignId} campaignName={campaignName} status={live.status} onChanged={live.refetch} /> : null}
      </CardHeader>
      <CardContent>
        {live.error ? <Alert tone="error">Progress is not available: {live.error.message}</Alert> : null}
        {live.progress ? (
          <ProgressFigures progress={live.progress} />
        ) : live.isPending ? (
          <p className="text-sm text-muted-foreground">Loading progress…</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
