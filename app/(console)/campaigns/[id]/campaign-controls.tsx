"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/safe-action";
import { callAction } from "@/components/forms/call-action";
import { cancelAction, pauseAction, resumeAction } from "../actions";
import { cancelWords, unscheduleWords, type LiveCounts } from "./control-words";
import { unscheduleAction } from "./copy-actions";
import { DuplicateButton } from "./duplicate-button";
import { RescheduleDialog } from "./reschedule-dialog";

interface Props {
  campaignId: string;
  /** Named in the confirmations when given. */
  campaignName?: string;
  status: string;
  onChanged: () => void;
}

export function CampaignControls({ campaignId, campaignName, status, onChanged }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = useMutation({
    mutationFn: ({ call }: { call: () => Promise<ActionResult<unknown>>; done?: string }) => callAction(call),
    onSuccess: (res, { done }) => {
      setMessage(res.ok ? (done ? { ok: true, text: done } : null) : { ok: false, text: res.error.message });
      onChanged();
      // The page's draft actions (Edit draft, Delete) replace these controls once it is a draft again.
      if (res.ok && done) router.refresh();
    },
  });
  const busy = run.isPending;
  // The live card polls these every second: the dialog states the numbers as they are when it opens.
  const liveCounts = () => queryClient.getQueryData<{ progress: { counts: LiveCounts } }>(["campaign-progress", campaignId])?.progress.counts;
  const changed = (text: string) => {
    setMessage({ ok: true, text });
    onChanged();
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {message ? (
        <span
          role={message.ok ? "status" : "alert"}
          data-testid="campaign-controls-message"
          className={`text-xs ${message.ok ? "text-muted-foreground" : "text-destructive"}`}
        >
          {message.text}
        </span>
      ) : null}
      {status === "scheduled" ? <RescheduleDialog campaignId={campaignId} disabled={busy} onDone={changed} /> : null}
      {status === "scheduled" ? (
        <Button
          size="sm"
          variant="outline"
          disabled={busy}
          data-testid="unschedule-button"
          onClick={() =>
            confirm.ask({
              ...unscheduleWords(campaignName),
              tone: "default",
              action: () =>
                run.mutateAsync({ call: () => unscheduleAction({ campaignId }), done: "Sent back to draft: it will not start until launched again" }),
            })
          }
        >
          Back to draft
        </Button>
      ) : null}
      {status === "running" || status === "scheduled" ? (
        <Button size="sm" variant="outline" disabled={busy} onClick={() => run.mutate({ call: () => pauseAction({ campaignId }) })}>
          Pause
        </Button>
      ) : null}
      {status === "paused" ? (
        <Button size="sm" disabled={busy} onClick={() => run.mutate({ call: () => resumeAction({ campaignId }) })}>
          Resume
        </Button>
      ) : null}
      {["scheduled", "running", "paused"].includes(status) ? (
        <Button
          size="sm"
          variant="destructive"
          disabled={busy}
          onClick={() =>
            confirm.ask({
              ...cancelWords(campaignName, liveCounts()),
              dismissLabel: "Keep campaign",
              action: () => run.mutateAsync({ call: () => cancelAction({ campaignId }) }),
            })
          }
        >
          Cancel campaign
        </Button>
      ) : null}
      <DuplicateButton campaignId={campaignId} size="sm" />
      {confirm.dialog}
    </div>
  );
}
