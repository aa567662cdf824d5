"use client";
// Live progress of a check or save: what the server is doing, rows done of the total, how long it has run, and
// Cancel while cancelling still stops it. Once rows are being saved the server finishes the save regardless.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { PHASE_WORDS, elapsedText, rowsText, totalFor, type WorkProgress } from "./progress-text";

interface Props {
  progress: WorkProgress;
  /** Rows the page already knows the list has (an upload's count), for a total before the server sends one. */
  expectedRows: number | null;
  onCancel: () => void;
  cancelLabel: string;
}

export function WorkProgressView({ progress, expectedRows, onCancel, cancelLabel }: Props) {
  const [now, setNow] = useState(progress.startedAt);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const { phase } = progress;
  const counting = phase === "read" || phase === "check" || phase === "store";
  const total = counting ? totalFor(progress, expectedRows) : null;
  const figures = counting ? rowsText(progress.rows, total) : null;
  const cancellable = phase === "start" || phase === "read" || phase === "check";
  return (
    <div className="grid gap-2 rounded-md border border-border p-3">
      {/* Only the phase is announced: the numbers change several times a second. */}
      <p role="status" className="text-sm font-medium">
        {PHASE_WORDS[phase]}…
      </p>
      <Progress
        label={PHASE_WORDS[phase]}
        value={counting && total !== null ? progress.rows : null}
        max={total ?? undefined}
        valueText={figures ?? undefined}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground tabular-nums">
          {figures ? `${figures} · ` : ""}
          {elapsedText(progress.startedAt, Math.max(now, progress.startedAt))}
        </p>
        {cancellable ? (
          <Button type="button" variant="outline" size="sm" onClick={onCancel}>
            {cancelLabel}
          </Button>
        ) : phase === "store" ? (
          <p className="text-xs text-muted-foreground">Saving… can no longer be cancelled.</p>
        ) : null}
      </div>
    </div>
  );
}
