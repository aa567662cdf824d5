// A finished campaign's progress card says what happened, not a rate or a time left that no longer mean anything:
// "Sent 9,870 of 10,000 · 120 failed · 10 skipped · took 1 h 23 min (started Tue 7 Dec, 05:12, finished 06:35 (UTC))".
import { formatDuration } from "@/lib/planner/duration-words";
import { formatWhen } from "../compose/plan-words";
import type { LiveProgress } from "./live-state";

const fmt = (n: number) => n.toLocaleString("en-US");

export function isFinished(status: string): boolean {
  return status === "completed" || status === "cancelled";
}

type FinalInput = Pick<LiveProgress, "status" | "counts" | "startedAt" | "finishedAt">;

function spanWords(p: FinalInput, timeZone: string, now: Date): string | null {
  const ended = p.status === "cancelled" ? "cancelled" : "finished";
  if (!p.finishedAt) return null;
  const end = new Date(p.finishedAt);
  if (!p.startedAt) return `${ended} before it started (${formatWhen(end, timeZone, now)} (${timeZone}))`;
  const start = new Date(p.startedAt);
  const startWords = formatWhen(start, timeZone, now);
  const endWords = formatWhen(end, timeZone, now);
  // The same day twice reads as noise: the end keeps only its time then.
  const sameDay = startWords.slice(0, startWords.lastIndexOf(",")) === endWords.slice(0, endWords.lastIndexOf(","));
  const endShown = sameDay ? endWords.slice(endWords.lastIndexOf(",") + 2) : endWords;
  const seconds = Math.max(0, (end.getTime() - start.getTime()) / 1000);
  const verb = p.status === "cancelled" ? "ran" : "took";
  return `${verb} ${formatDuration(seconds)} (started ${startWords}, ${ended} ${endShown} (${timeZone}))`;
}

export function finalFiguresWords(p: FinalInput, timeZone: string, now = new Date()): string {
  const c = p.counts;
  const parts = [`Sent ${fmt(c.sent)} of ${fmt(c.total)}`];
  if (c.failed > 0) parts.push(`${fmt(c.failed)} failed`);
  if (c.skipped > 0) parts.push(`${fmt(c.skipped)} skipped`);
  // Right after a cancel its rows are skipped in batches and sends already made are still being answered.
  if (c.pending > 0) parts.push(`${fmt(c.pending)} still to skip`);
  if (c.sending > 0) parts.push(`${fmt(c.sending)} in flight`);
  const span = spanWords(p, timeZone, now);
  if (span) parts.push(span);
  return parts.join(" · ");
}
