"use client";
// The result of the last recipient check: what will be sent, what will not and why, and whether the instance can
// carry the load. The server's preflight is the authority; nothing here is recomputed in the browser.
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import type { PreflightRowStatus, PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { cn } from "@/lib/utils";
import { checkAnnouncement } from "./check-announcement";
import { formatCount } from "./format";
import { InvalidReasonsList } from "./invalid-reasons-list";
import { PlanSummary } from "./plan-summary";
import { approxDuration } from "./plan-words";
import { MessagePreviews, SampleRequest, SampleRows } from "./preflight-details";
import { SegmentsSummary } from "./segments-summary";

const GROUPS: [PreflightRowStatus, string][] = [
  ["valid", "Valid"],
  ["invalid", "Invalid"],
  ["duplicate", "Duplicate"],
  ["suppressed", "Suppressed"],
];

interface Props {
  summary: PreflightSummary;
  /** How many checks this page has made: each new one moves focus here and is announced. */
  checks?: number;
  stale: boolean;
  campaignId?: string;
  /** Checks again after a fix offered here was applied. */
  onRecheck?: () => void;
}

export function PreflightPanel({ summary, checks = 0, stale, campaignId, onRecheck }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that started the check is disabled while it runs, so focus would otherwise fall to the page.
  useEffect(() => {
    if (checks > 0) heading.current?.focus();
  }, [checks]);
  return (
    <section aria-labelledby="preflight-heading" className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-3">
      <h2
        id="preflight-heading"
        ref={heading}
        tabIndex={-1}
        className="rounded-sm text-base font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background"
      >
        Recipient check
      </h2>
      <p role="status" className="sr-only" data-testid="preflight-announcement">
        {checks > 0 ? checkAnnouncement(summary) : ""}
      </p>
      {stale ? <Alert tone="info">The campaign changed since this check. Check recipients again to update it.</Alert> : null}
      {summary.blocking.length > 0 ? (
        <Alert tone="error">
          <p className="font-medium">Launch is blocked:</p>
          <ul className="ml-4 list-disc">
            {summary.blocking.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {summary.warnings.length > 0 ? (
        <Alert tone="warning">
          <ul className="ml-4 list-disc">
            {summary.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <dl className="grid grid-cols-4 gap-2 text-center" aria-label="Recipient counts">
        {GROUPS.map(([status, label]) => (
          <div key={status} className="rounded-md border border-border p-2">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className={cn("text-lg font-semibold tabular-nums", status !== "valid" && summary.counts[status] > 0 && "text-warning")}>
              {formatCount(summary.counts[status])}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">{formatCount(summary.total)} rows read.</p>
      <InvalidReasonsList summary={summary} onRecheck={onRecheck} />
      <SegmentsSummary segments={summary.smsSegments} />

      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Sending rate</dt>
        <dd>
          {summary.sendsPerSecond} per second (account limit {summary.accountSendsPerSecond})
        </dd>
        <dt className="text-muted-foreground">Open chats at once</dt>
        <dd>
          <OpenChats summary={summary} />
        </dd>
        {summary.plan ? null : (
          <>
            <dt className="text-muted-foreground">Estimated run time</dt>
            <dd>
              <UnplannedRunTime summary={summary} />
            </dd>
          </>
        )}
      </dl>
      {summary.plan ? <PlanSummary plan={summary.plan} /> : null}

      {GROUPS.map(([status, label]) =>
        summary.samples[status].length > 0 ? <SampleRows key={status} label={label} count={summary.counts[status]} rows={summary.samples[status]} /> : null,
      )}
      <MessagePreviews previews={summary.previews} />
      <SampleRequest request={summary.sampleRequest} />
      {campaignId ? (
        <a className="text-sm font-medium text-primary hover:underline" href={`/api/campaigns/${encodeURIComponent(campaignId)}/preflight.csv`} download>
          Download report
        </a>
      ) : (
        <p className="text-xs text-muted-foreground">Save the draft to download the full report.</p>
      )}
    </section>
  );
}

function OpenChats({ summary }: { summary: PreflightSummary }) {
  const { projectedOpenChats: projected, concurrentChatQuota: quota, plan } = summary;
  const over = projected > quota;
  // Checks made before plans existed warned of an overflow; a plan counts the wait instead, so this is only a note.
  if (!plan) {
    return (
      <span className={cn(over && "font-medium text-destructive")}>
        {formatCount(projected)} projected, quota {formatCount(quota)}
        {over ? " — over the quota: lower the rate or the chat duration" : ""}
      </span>
    );
  }
  const openNow = plan.input.openChats ?? 0;
  return (
    <span className={cn(over && "font-medium text-warning")}>
      {formatCount(projected)} projected{openNow > 0 ? ` (${formatCount(openNow)} open on the instance now)` : ""}, quota {formatCount(quota)}
      {over ? " — over the quota: new chats wait for open ones to end, and the plan counts the wait" : ""}
    </span>
  );
}

/** A check stored before plans existed has only the time at the send rate. */
function UnplannedRunTime({ summary }: { summary: PreflightSummary }) {
  if (summary.estimatedSeconds === null) return <>Unknown: check recipients again for a plan.</>;
  return (
    <>
      {approxDuration(summary.estimatedSeconds)} at {summary.sendsPerSecond} per second, if every chat ends in time. Check recipients again for a plan that
      counts the chat quota.
    </>
  );
}
