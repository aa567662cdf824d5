"use client";
// The launch dialog's contents, loaded when Launch… is first pointed at, focused or pressed (launch-dialog.tsx): what
// goes out, from where, through which flow, to how many and who is left out and why, when it starts and when it should
// end. The confirm button names the exact count, and that count is what the server checks again: if the recipients
// changed meanwhile, launch is refused rather than sending to a different list. Many invalid rows need their own
// confirmation, and a large send needs its count typed.
import { useMemo, useState, type ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useFlows, useNumbers } from "@/components/connect/connect-queries";
import { invalidShare } from "@/lib/campaigns/invalid-reasons";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { formatCount } from "./format";
import type { ComposerValues } from "./form-values";
import { launchNeeds } from "@/lib/campaigns/launch-needs";
import { useLaunchApproval } from "./launch-approval";
import { DeadlineWarning } from "./deadline-warning";
import { launchPlan } from "./launch-plan";
import { LaunchTiming } from "./launch-timing";

interface Props {
  summary: PreflightSummary | null;
  /** When the dialog opened: "as soon as you confirm" is about then. */
  openedAt: number;
  launching: boolean;
  /** The save's live progress while launching: the dialog covers the page, so it shows it here. */
  progress: ReactNode;
  onLaunch: (confirmed: number, confirmInvalid?: number) => Promise<boolean>;
  /** Closes the dialog after a launch that stopped: the reason shows beside the buttons. */
  onStopped: () => void;
}

const CHANNEL: Record<string, string> = { sms: "SMS", whatsapp: "WhatsApp" };

/** Mounted afresh at each opening, so the confirmations start unticked and empty. */
export function LaunchDialogBody({ summary, openedAt, launching, progress, onLaunch, onStopped }: Props) {
  const { control } = useFormContext<ComposerValues>();
  const [schedule, channel, instanceId, arn, flowId] = useWatch({
    control,
    name: ["schedule", "channel", "instanceId", "sourcePhoneNumberArn", "contactFlowId"],
  });
  const numbers = useNumbers(instanceId);
  const flows = useFlows(instanceId);
  const [invalidAccepted, setInvalidAccepted] = useState(false);
  const [typed, setTyped] = useState("");
  const valid = summary?.counts.valid ?? 0;
  const needs = summary ? launchNeeds(summary) : { confirmInvalid: false, typeCount: false };
  const typedOk = !needs.typeCount || Number(typed.replace(/[\s,._]/g, "")) === valid;
  const ready = (!needs.confirmInvalid || invalidAccepted) && typedOk;
  // When the approval rule covers this launch and this very draft is not approved yet, confirming submits it instead.
  const approval = useLaunchApproval(valid, true);

  const startIso = schedule?.mode === "at" && schedule.at ? schedule.at : null;
  const start = startIso ? new Date(startIso) : null;
  // Planned again for the moment the dialog opened and the start chosen: the check may be hours old.
  const plan = useMemo(() => launchPlan(summary?.plan, openedAt, startIso), [summary?.plan, openedAt, startIso]);
  const number = numbers.data?.numbers.find((n) => n.arn === arn);
  const flow = flows.data?.flows.find((f) => f.id === flowId);
  const preview = summary?.previews[0];

  const confirm = async () => {
    if (!summary || !ready) return;
    // On success the page moves to the campaign; on failure the reason shows beside the buttons.
    if (!(await onLaunch(valid, needs.confirmInvalid ? summary.counts.invalid : undefined))) onStopped();
  };

  return (
    <>
      {summary ? (
        <div className="grid gap-3 text-sm" data-testid="launch-summary">
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
            <dt className="text-muted-foreground">Channel</dt>
            <dd>{CHANNEL[channel] ?? channel}</dd>
            <dt className="text-muted-foreground">From</dt>
            <dd className="break-words">{number ? `${number.phoneNumber}${number.countryCode ? ` (${number.countryCode})` : ""}` : arn}</dd>
            <dt className="text-muted-foreground">Flow</dt>
            <dd className="break-words">{flow?.name ?? flowId}</dd>
            <LaunchTiming plan={plan} summary={summary} start={start} openedAt={openedAt} />
          </dl>
          {plan ? <DeadlineWarning plan={plan} /> : null}
          <div>
            <p className="font-medium">
              {formatCount(valid)} {valid === 1 ? "recipient gets" : "recipients get"} a chat
            </p>
            <SkippedList summary={summary} />
          </div>
          {preview ? (
            <div className="rounded-md border border-border p-2">
              <p className="text-xs text-muted-foreground">
                What {preview.name ?? preview.phone} gets{preview.message === null && preview.templateVariables ? " (template values)" : ""}
              </p>
              <p className="break-words whitespace-pre-wrap">
                {preview.message ??
                  (preview.templateVariables
                    ? Object.entries(preview.templateVariables)
                        .map(([k, v]) => `${k} = ${v}`)
                        .join(", ")
                    : "No initial message: the flow sends the first message")}
              </p>
            </div>
          ) : null}
          {approval.submits ? (
            <Alert tone="warning" data-testid="launch-needs-approval">
              {approval.reasons.join("; ")}. Confirming submits the draft for approval instead of sending; a different approver decides on the Approvals page,
              then you launch it.{approval.withdraws ? ` Your changes withdraw the approval ${approval.withdraws} gave.` : ""}
            </Alert>
          ) : null}
          {needs.confirmInvalid ? (
            <Alert tone="warning">
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" checked={invalidAccepted} onChange={(e) => setInvalidAccepted(e.target.checked)} />
                <span>
                  Launch anyway: {formatCount(summary.counts.invalid)} of {formatCount(summary.total)} rows (
                  {Math.round(invalidShare(summary.counts, summary.total) * 100)} %) are invalid and get nothing.
                </span>
              </label>
            </Alert>
          ) : null}
          {needs.typeCount ? (
            <label className="grid gap-1">
              <span>
                Type <strong>{formatCount(valid)}</strong> to confirm the number of recipients
              </span>
              <Input inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Number of recipients" />
            </label>
          ) : null}
        </div>
      ) : null}
      {progress}
      <div className="flex flex-wrap justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="outline" disabled={launching}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="button" onClick={() => void confirm()} disabled={launching || !ready}>
          {approval.submits ? "Submit for approval" : `Send to ${formatCount(valid)} recipients`}
        </Button>
      </div>
    </>
  );
}

function SkippedList({ summary }: { summary: PreflightSummary }) {
  const { invalid, duplicate, suppressed } = summary.counts;
  if (invalid + duplicate + suppressed === 0) return <p className="text-muted-foreground">Every row is sent.</p>;
  const reasons = summary.invalidReasons ?? [];
  return (
    <ul className="ml-4 list-disc text-muted-foreground">
      {reasons.length > 0
        ? reasons.slice(0, 4).map((r) => <li key={r.problem}>Skipped: {r.text}</li>)
        : invalid > 0 && <li>Skipped: {formatCount(invalid)} invalid</li>}
      {reasons.length > 4 ? <li>Skipped: {formatCount(reasons.slice(4).reduce((n, r) => n + r.count, 0))} rows for other reasons</li> : null}
      {duplicate > 0 ? <li>Skipped: {formatCount(duplicate)} repeated numbers (each number gets one chat)</li> : null}
      {suppressed > 0 ? <li>Skipped: {formatCount(suppressed)} on the suppression list</li> : null}
    </ul>
  );
}
