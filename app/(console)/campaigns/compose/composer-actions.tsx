"use client";
// Check recipients, Save draft, Launch…, and what the last of them said.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { LaunchDialog } from "./launch-dialog";
import type { Busy } from "./use-composer-actions";

const WORKING: Record<NonNullable<Busy>, string> = {
  check: "Checking recipients…",
  save: "Saving the draft and checking recipients…",
  launch: "Launching…",
};

interface Props {
  busy: Busy;
  preflight: PreflightSummary | null;
  notice: string | null;
  error: string | null;
  check: () => Promise<void>;
  saveDraft: () => Promise<void>;
  launch: (confirmed: number) => Promise<boolean>;
}

export function ComposerActions({ busy, preflight, notice, error, check, saveDraft, launch }: Props) {
  const blocked = preflight !== null && preflight.blocking.length > 0;
  const launchHint = !preflight
    ? "Check recipients before launching."
    : blocked
      ? "Launch is blocked until the problems in the check are fixed."
      : preflight.counts.valid === 0
        ? "There is no valid recipient to send to."
        : null;

  return (
    <Card>
      <CardContent className="grid gap-3 pt-5">
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={() => void check()} disabled={busy !== null}>
            Check recipients
          </Button>
          <Button type="button" variant="secondary" onClick={() => void saveDraft()} disabled={busy !== null}>
            Save draft
          </Button>
          <LaunchDialog valid={preflight?.counts.valid ?? 0} disabled={busy !== null || launchHint !== null} launching={busy === "launch"} onLaunch={launch} />
        </div>
        {launchHint ? <p className="text-xs text-muted-foreground">{launchHint}</p> : null}
        {busy ? (
          <p role="status" className="text-sm text-muted-foreground">
            {WORKING[busy]}
          </p>
        ) : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </CardContent>
    </Card>
  );
}
