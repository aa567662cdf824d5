"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/safe-action";
import { cancelAction, pauseAction, resumeAction } from "../actions";

export function CampaignControls({ campaignId, status, onChanged }: { campaignId: string; status: string; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (call: () => Promise<ActionResult<unknown>>) => call(),
    onSuccess: (res) => {
      setError(res.ok ? null : res.error.message);
      onChanged();
    },
  });
  const busy = run.isPending;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
      {status === "running" || status === "scheduled" ? (
        <Button size="sm" variant="outline" disabled={busy} onClick={() => run.mutate(() => pauseAction({ campaignId }))}>
          Pause
        </Button>
      ) : null}
      {status === "paused" ? (
        <Button size="sm" disabled={busy} onClick={() => run.mutate(() => resumeAction({ campaignId }))}>
          Resume
        </Button>
      ) : null}
      {["scheduled", "running", "paused"].includes(status) ? (
        <Button
          size="sm"
          variant="destructive"
          disabled={busy}
          onClick={() => confirm("Cancel this campaign? Recipients not yet sent to will be skipped.") && run.mutate(() => cancelAction({ campaignId }))}
        >
          Cancel campaign
        </Button>
      ) : null}
    </div>
  );
}
