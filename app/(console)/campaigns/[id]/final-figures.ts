// A finished campaign's progress card says what happened, not a rate or a time left that no longer mean anything:
// "Sent 9,870 of 10,000 · 120 failed · 10 skipped · took 1 h 23 min", then when it started and finished, written as
// every other time on the page.
import { formatDuration } from "@/lib/planner/duration-words";
import type { LiveProgress } from "./live-state";

const fmt = (n: number) => n.toLocaleString("en-US");

export function isFinished(status: string): boolean {
  return status === "completed" || status === "cancelled";
}

type FinalInput = Pick<LiveProgress, "status" | "counts" | "startedAt" | "finishedAt">;

function spanWords(p: FinalInput): string | null {
  if (!p.finishedAt) return null;
  if (!p.startedAt) return `${p.status === "cancelled" ? "cancelled" : "finished"} before it started`;
  const seconds = Math.max(0, (Date.parse(p.finishedAt) - Date.parse(p.startedAt)) / 1000);
  return `${p.status === "cancelled" ? "ran" : "took"} ${formatDuration(seconds)}`;
}

export function finalFiguresWords(p: FinalInput): string {
  const c = p.counts;
  const parts = [`Sent ${fmt(c.sent)} of ${fmt(c.total)}`];
  if (c.failed > 0) parts.push(`${fmt(c.failed)} failed`);
  if (c.skipped > 0) parts.push(`${fmt(c.skipped)} skipped`);
  // Right after a cancel its rows are skipped in batches and sends already made are still being answered.
  if (c.pending > 0) parts.push(`${fmt(c.pending)} still to skip`);
  if (c.sending > 0) parts.push(`${fmt(c.sending)} in flight`);
  const span = spanWords(p);
  if (span) parts.push(span);
  return parts.join(" · ");
}

export interface FinalTime {
  /** Null when the words before already say what the time is ("cancelled before it started"). */
  label: "started" | "finished" | "cancelled" | null;
  at: string;
}

/** The instants behind the span: when it started and ended, or only when it ended if it never started. */
export function finalTimes(p: FinalInput): FinalTime[] {
  if (!p.finishedAt) return [];
  if (!p.startedAt) return [{ label: null, at: p.finishedAt }];
  return [
    { label: "started", at: p.startedAt },
    { label: p.status === "cancelled" ? "cancelled" : "finished", at: p.finishedAt },
  ];
}
