// The two charts of the campaign page: sends over time by outcome, and failures by Connect's error name.
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { StackedBarChart, type StackSeries } from "@/components/charts/stacked-bar-chart";
import type { CampaignActivity } from "@/lib/campaigns/activity";

const OUTCOMES: StackSeries[] = [
  { key: "sent", label: "Sent", color: "var(--color-success)" },
  { key: "failed", label: "Failed", color: "var(--color-destructive)" },
  { key: "skipped", label: "Skipped", color: "#94a3b8" },
];

const fmt = (n: number) => n.toLocaleString("en-US");
const utc = (iso: string) => iso.replace("T", " ").slice(0, 16);

/** Ticks show the time of day, or the date once buckets are a day or more wide; tooltips show the whole bucket. */
function bucketLabels(at: string, minutes: number): { tick: string; label: string } {
  const end = new Date(new Date(at).getTime() + minutes * 60_000).toISOString();
  if (minutes >= 1440) return { tick: at.slice(5, 10), label: `${at.slice(0, 10)}${minutes > 1440 ? ` to ${utc(end).slice(0, 10)}` : ""} (UTC)` };
  return { tick: at.slice(11, 16), label: `${utc(at)}–${utc(end).slice(11)} UTC` };
}

function width(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? "minute" : `${minutes} minutes`;
  if (minutes < 1440) return minutes === 60 ? "hour" : `${minutes / 60} hours`;
  return minutes === 1440 ? "day" : `${minutes / 1440} days`;
}

/** "1 minute", "5 minutes", "1 hour"…: a bucket's length in a sentence. */
const duration = (minutes: number) => (["minute", "hour", "day"].includes(width(minutes)) ? `1 ${width(minutes)}` : width(minutes));

export function SendsOverTimeChart({ activity: a }: { activity: CampaignActivity }) {
  const totals = { sent: 0, failed: 0, skipped: 0 };
  for (const b of a.sends) {
    totals.sent += b.sent;
    totals.failed += b.failed;
    totals.skipped += b.skipped;
  }
  const span =
    a.sends.length > 0 ? `, from ${utc(a.sends[0]!.at)} UTC in ${a.sends.length} ${a.sends.length === 1 ? "bar" : "bars"} of ${duration(a.bucketMinutes)}` : "";
  return (
    <StackedBarChart
      title={`Sends per ${width(a.bucketMinutes)} by outcome`}
      summary={`${fmt(totals.sent)} sent, ${fmt(totals.failed)} failed and ${fmt(totals.skipped)} skipped${span}.`}
      series={OUTCOMES}
      bars={a.sends.map((b) => ({ ...bucketLabels(b.at, a.bucketMinutes), values: { sent: b.sent, failed: b.failed, skipped: b.skipped } }))}
      xLabel={`Time (UTC), one bar per ${width(a.bucketMinutes)}`}
      yLabel="Recipients"
      empty="Nothing has been sent yet: bars appear as recipients are sent, fail or are skipped."
      testId="sends-chart"
    />
  );
}

// Titled "by error", not "by error name": the recipients filter's field is labelled "Error name", and a chart must not
// share a form field's accessible name.
export function FailuresChart({ activity: a }: { activity: CampaignActivity }) {
  const items = a.failures.map((f) => ({ label: f.name, value: f.count }));
  if (a.otherFailures > 0) items.push({ label: "Other errors", value: a.otherFailures });
  const total = items.reduce((sum, i) => sum + i.value, 0);
  return (
    <HorizontalBarChart
      title="Failed recipients by error"
      summary={`${fmt(total)} recipients failed: ${items.map((i) => `${i.label} ${fmt(i.value)}`).join(", ")}.`}
      items={items}
      valueLabel="failed recipients"
      labelAxis="Error name"
      color="var(--color-destructive)"
      empty="No recipient has failed."
      testId="failures-chart"
    />
  );
}
