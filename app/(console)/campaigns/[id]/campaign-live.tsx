"use client";
// Live progress of a launched campaign: polled every second, so counts, rate and errors move without a reload.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignProgress } from "@/lib/dispatch/progress";
import { CampaignControls } from "./campaign-controls";
import { ProgressFigures } from "./progress-figures";

const ACTIVE = new Set(["scheduled", "running", "paused"]);

export function CampaignLive({ campaignId, initialStatus, canControl }: { campaignId: string; initialStatus: string; canControl: boolean }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: ["campaign-progress", campaignId],
    queryFn: ({ signal }) => fetchJson<{ progress: CampaignProgress }>(`/api/campaigns/${campaignId}/progress`, signal),
    refetchInterval: (q) => (ACTIVE.has(q.state.data?.progress.status ?? initialStatus) ? 1000 : false),
  });
  const status = query.data?.progress.status ?? initialStatus;
  // The server-rendered parts of the page (status badge, counts) follow a status change.
  const seen = useRef(initialStatus);
  useEffect(() => {
    if (status !== seen.current) {
      seen.current = status;
      router.refresh();
    }
  }, [status, router]);

  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Progress</CardTitle>
        {canControl ? <CampaignControls campaignId={campaignId} status={status} onChanged={() => void query.refetch()} /> : null}
      </CardHeader>
      <CardContent>
        {query.isError ? <Alert tone="error">Progress is not available: {query.error.message}</Alert> : null}
        {query.data ? (
          <ProgressFigures progress={query.data.progress} />
        ) : query.isPending ? (
          <p className="text-sm text-muted-foreground">Loading progress…</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
