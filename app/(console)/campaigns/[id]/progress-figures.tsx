import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { finalFiguresWords, finalTimes, isFinished } from "./final-figures";
import { LivePlanLine } from "./live-plan-line";
import type { LiveProgress } from "./live-state";

const fmt = (n: number) => n.toLocaleString("en-US");

function FinalFigures({ progress }: { progress: LiveProgress }) {
  const times = finalTimes(progress);
  return (
    <p className="text-sm" data-testid="live-final">
      {finalFiguresWords(progress)}
      {times.length > 0 ? (
        <>
          {" ("}
          {times.map((t, i) => (
            <span key={t.label ?? "ended"}>
              {i > 0 ? ", " : ""}
              {t.label ? `${t.label} ` : ""}
              <DateTime at={t.at} />
            </span>
          ))}
          {")"}
        </>
      ) : null}
    </p>
  );
}

function RateLine({ progress: p }: { progress: LiveProgress }) {
  const accountBinds = p.rate.accountPerSecond !== null && p.rate.accountPerSecond < p.rate.campaignPerSecond;
  const rate = accountBinds ? p.rate.accountPerSecond! : p.rate.campaignPerSecond;
  return (
    <p className="text-sm text-muted-foreground" data-testid="live-rate">
      Rate: {p.rate.recentPerSecond.toFixed(1)} sent/s now ({accountBinds ? "account" : "campaign"} limit {rate.toFixed(1)}/s
      {p.rate.accountPerSecond !== null && p.rate.accountConfiguredPerSecond !== null && p.rate.accountPerSecond < p.rate.accountConfiguredPerSecond
        ? `, lowered after throttling from ${p.rate.accountConfiguredPerSecond}`
        : ""}
      )
    </p>
  );
}

export function ProgressFigures({ progress: p }: { progress: LiveProgress }) {
  const done = p.counts.sent + p.counts.failed + p.counts.skipped;
  const percent = p.counts.total > 0 ? Math.floor((done / p.counts.total) * 100) : 0;
  const finished = isFinished(p.status);
  return (
    <div className="grid gap-4">
      {p.pauseReason && p.status === "paused" ? <Alert tone="warning">Paused: {p.pauseReason}</Alert> : null}
      {p.waitingReason ? <Alert tone="info">Sending is {p.waitingReason}</Alert> : null}
      <div>
        <div className="mb-1 flex justify-between text-sm">
          <span data-testid="progress-done">
            {fmt(done)} of {fmt(p.counts.total)} done
          </span>
          <span data-testid="progress-percent">{percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-label="Campaign progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 w-full rounded-full bg-muted"
        >
          <div className="h-2 rounded-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {(["sent", "failed", "skipped", "pending"] as const).map((k) => (
          <div key={k} className="rounded-md border border-border p-2">
            <dt className="text-xs capitalize text-muted-foreground">{k === "pending" ? "waiting" : k}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`live-${k}`}>
              {fmt(k === "pending" ? p.counts.pending + p.counts.sending : p.counts[k])}
            </dd>
          </div>
        ))}
      </dl>
      {finished ? <FinalFigures progress={p} /> : <RateLine progress={p} />}
      {p.waiting.sendWindow + p.waiting.frequencyCap > 0 ? (
        <p className="text-sm" data-testid="live-waiting">
          {[
            p.waiting.sendWindow > 0 ? `${fmt(p.waiting.sendWindow)} waiting for their send window` : null,
            p.waiting.frequencyCap > 0 ? `${fmt(p.waiting.frequencyCap)} held by a frequency cap` : null,
          ]
            .filter(Boolean)
            .join(" · ")}{" "}
          <a className="underline" href="#recipients">
            see who
          </a>
        </p>
      ) : null}
      {p.plan && !finished ? <LivePlanLine plan={p.plan} status={p.status} /> : null}
      {p.errors.length > 0 ? (
        <Table aria-label="Errors by name">
          <THead>
            <tr>
              <TH>Error</TH>
              <TH className="text-right">Rows</TH>
              <TH className="text-right">Failed</TH>
              <TH>Last message</TH>
            </tr>
          </THead>
          <TBody>
            {p.errors.map((e) => (
              <TR key={e.name}>
                <TD className="font-mono text-xs">{e.name}</TD>
                <TD className="text-right tabular-nums">{fmt(e.count)}</TD>
                <TD className="text-right tabular-nums">{fmt(e.failed)}</TD>
                <TD className="text-xs text-muted-foreground">{e.lastMessage}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : null}
    </div>
  );
}
