// The campaign charts' numbers and words: bars of sends in the reader's time zone, each named by its whole bucket, the
// failures by error, and one sentence each for screen readers. Pure, so what the charts and their tables say is tested.
import type { BarItem } from "@/components/charts/horizontal-bar-layout";
import type { StackSeries, TimeBar } from "@/components/charts/stacked-bar-layout";
import { formatCount } from "@/components/charts/scale";
import { zoneOffsetMs } from "@/components/charts/time-axis";
import type { CampaignActivity } from "@/lib/campaigns/activity";
import { formatWhen } from "../compose/plan-words";

export const OUTCOMES: StackSeries[] = [
  { key: "sent", label: "Sent", color: "var(--color-success)" },
  { key: "failed", label: "Failed", color: "var(--color-destructive)" },
  { key: "skipped", label: "Skipped", color: "var(--color-muted-foreground)" },
];

const DAY = 86_400_000;

/** "minute", "5 minutes", "hour", "2 hours", "day", "7 days": a bucket's width after "per" or "one bar per". */
export function bucketWidth(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? "minute" : `${minutes} minutes`;
  if (minutes < 1440) return minutes === 60 ? "hour" : `${minutes / 60} hours`;
  return minutes === 1440 ? "day" : `${minutes / 1440} days`;
}

/** "1 minute", "5 minutes", "1 hour"…: a bucket's length in a sentence. */
const duration = (minutes: number) => (["minute", "hour", "day"].includes(bucketWidth(minutes)) ? `1 ${bucketWidth(minutes)}` : bucketWidth(minutes));

/**
 * A bucket in the reader's zone: "Tue 7 Dec, 10:05–10:10", "Tue 7 Dec, 22:00–Wed 8 Dec, 04:00", or whole days as
 * "Tue 7 Dec" and "Mon 7 Dec to Sun 13 Dec" when the bucket runs midnight to midnight there.
 */
export function bucketLabel(startMs: number, endMs: number, timeZone: string, now: Date): string {
  const wall = (ms: number) => ms + zoneOffsetMs(ms, timeZone);
  const when = (ms: number) => formatWhen(new Date(ms), timeZone, now);
  const day = (ms: number) => when(ms).replace(/, \d\d:\d\d$/, "");
  if (wall(startMs) % DAY === 0 && wall(endMs) % DAY === 0) {
    const last = endMs - 1;
    return day(startMs) === day(last) ? day(startMs) : `${day(startMs)} to ${day(last)}`;
  }
  const sameDay = Math.floor(wall(startMs) / DAY) === Math.floor(wall(endMs) / DAY);
  return `${when(startMs)}–${sameDay ? when(endMs).slice(-5) : when(endMs)}`;
}

export function sendBars(a: CampaignActivity, timeZone: string, now: Date): TimeBar[] {
  return a.sends.map((b) => {
    const startMs = Date.parse(b.at);
    const endMs = startMs + a.bucketMinutes * 60_000;
    return { startMs, endMs, label: bucketLabel(startMs, endMs, timeZone, now), values: { sent: b.sent, failed: b.failed, skipped: b.skipped } };
  });
}

export function sendsSummary(a: CampaignActivity, timeZone: string, now: Date): string {
  const totals = { sent: 0, failed: 0, skipped: 0 };
  for (const b of a.sends) {
    totals.sent += b.sent;
    totals.failed += b.failed;
    totals.skipped += b.skipped;
  }
  const n = a.sends.length;
  const span =
    n > 0
      ? `, from ${formatWhen(new Date(a.sends[0]!.at), timeZone, now)} (${timeZone}) in ${n} ${n === 1 ? "bar" : "bars"} of ${duration(a.bucketMinutes)}`
      : "";
  return `${formatCount(totals.sent)} sent, ${formatCount(totals.failed)} failed and ${formatCount(totals.skipped)} skipped${span}.`;
}

/** Failures by error name, the rest summed as "Other errors". */
export function failureItems(a: CampaignActivity): BarItem[] {
  const items = a.failures.map((f) => ({ label: f.name, value: f.count }));
  if (a.otherFailures > 0) items.push({ label: "Other errors", value: a.otherFailures });
  return items;
}

export function failuresSummary(items: readonly BarItem[]): string {
  const total = items.reduce((sum, i) => sum + i.value, 0);
  return `${formatCount(total)} ${total === 1 ? "recipient" : "recipients"} failed: ${items.map((i) => `${i.label} ${formatCount(i.value)}`).join(", ")}.`;
}
