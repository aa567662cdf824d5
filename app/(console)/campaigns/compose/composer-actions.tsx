"use client";
// Check recipients, Save draft, Launch…, their progress while they run, and what the last of them said.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { LaunchDialog } from "./launch-dialog";
import type { WorkProgress } from "./progress-text";
import type { Busy, Notice } from "./use-composer-actions";
import { WorkProgressView } from "./work-progress";

const CANCEL_LABEL: Record<NonNullable<Busy>, string> = {
  check: "Cancel check",
  save: "Cancel save",
  launch: "Cancel launch",
};

interface Props {
  busy: Busy;
  progress: WorkProgress | null;
  preflight: PreflightSummary | null;
  notice: Notice | null;
  error: string | null;
  /** A file is still uploading: nothing can be checked or saved until the server has it. */
  uploading: boolean;
  /** The row count the page knows (an upload's), for progress before the server sends its own total. */
  expectedRows: number | null;
  check: () => Promise<void>;
  saveDraft: () => Promise<void>;
  launch: (confirmed: number, confirmInvalid?: number) => Promise<boolean>;
  cancel: () => void;
}

export function ComposerActions({ busy, progress, preflight, notice, error, uploading, expectedRows, check, saveDraft, launch, cancel }: Props) {
  const blocked = preflight !== null && preflight.blocking.length > 0;
  const launchHint = !preflight
    ? "Check recipients before launching."
    : blocked
      ? "Launch is blocked until the problems in the check are fixed."
      : preflight.counts.valid === 0
        ? "There is no valid recipient to send to."
        : null;
  const idle = busy === null && !uploading;
  const working =
    busy && progress ? <WorkProgressView progress={progress} expectedRows={expectedRows} onCancel={cancel} cancelLabel={CANCEL_LABEL[busy]} /> : null;

  return (
    <Card>
      <CardContent className="grid gap-3 pt-5">
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={() => void check()} disabled={!idle}>
            Check recipients
          </Button>
          <Button type="button" variant="secondary" onClick={() => void saveDraft()} disabled={!idle}>
            Save draft
          </Button>
          <LaunchDialog
            summary={preflight}
            disabled={!idle || launchHint !== null}
            launching={busy === "launch"}
            progress={busy === "launch" ? working : null}
            onLaunch={launch}
          />
        </div>
        {uploading ? <p className="text-xs text-muted-foreground">Wait for the file to finish uploading.</p> : null}
        {launchHint && !uploading ? <p className="text-xs text-muted-foreground">{launchHint}</p> : null}
        {/* During a launch the dialog shows the progress, above everything else. */}
        {busy !== "launch" ? working : null}
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </CardContent>
    </Card>
  );
}
