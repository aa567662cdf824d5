"use client";
// Launch…: the button, and the dialog around its contents (launch-dialog-body.tsx), whose code loads when the button is
// first pointed at or focused, so the composer does not load the launch summary, the plan and the approval rule with
// the page. Launch is enabled only after a check, so by the time it is pressed the contents are usually there.
import { useState, type ReactNode } from "react";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { lazyComponent } from "@/components/lazy-component";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";

const LaunchDialogBody = lazyComponent(() => import("./launch-dialog-body").then((m) => m.LaunchDialogBody));

interface Props {
  summary: PreflightSummary | null;
  disabled: boolean;
  launching: boolean;
  /** The save's live progress while launching: the dialog covers the page, so it shows it here. */
  progress: ReactNode;
  onLaunch: (confirmed: number, confirmInvalid?: number) => Promise<boolean>;
}

export function LaunchDialog({ summary, disabled, launching, progress, onLaunch }: Props) {
  const [open, setOpen] = useState(false);
  // When the dialog opened: "as soon as you confirm" is about then. Also the contents' key, so each opening starts afresh.
  const [openedAt, setOpenedAt] = useState(0);

  const openChange = (next: boolean) => {
    if (launching) return;
    setOpen(next);
    if (next) setOpenedAt(Date.now());
  };

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button type="button" disabled={disabled} onPointerEnter={LaunchDialogBody.preload} onFocus={LaunchDialogBody.preload}>
          Launch…
        </Button>
      </DialogTrigger>
      <DialogContent title="Launch campaign" description="The draft is saved and checked once more before sending; launched campaigns cannot be edited.">
        {open ? (
          <LoadBoundary what="The launch summary" fallback={<LoadingBlock height="12rem" label="Loading the launch summary…" />}>
            <LaunchDialogBody
              key={openedAt}
              summary={summary}
              openedAt={openedAt}
              launching={launching}
              progress={progress}
              onLaunch={onLaunch}
              onStopped={() => setOpen(false)}
            />
          </LoadBoundary>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
