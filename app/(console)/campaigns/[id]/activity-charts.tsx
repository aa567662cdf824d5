"use client";
// The two charts of the campaign page: sends over time by outcome, on a time axis in the reader's zone, and failures
// by Connect's error name.
import { useState } from "react";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { CampaignActivity } from "@/lib/campaigns/activity";
import { useTimeZone } from "../compose/use-time-zone";
import { OUTCOMES, bucketWidth, failureItems, failuresSummary, sendBars, sendsSummary } from "./activity-chart-data";

export function SendsOverTimeChart({ activity: a }: { activity: CampaignActivity }) {
  const timeZone = useTimeZone();
  // Only to tell whether a date needs its year.
  const [now] = useState(() => new Date());
  const width = bucketWidth(a.bucketMinutes);
  return (
    <StackedBarChart
      title={`Sends per ${width} by outcome`}
      summary={sendsSummary(a, timeZone, now)}
      series={OUTCOMES}
      bars={sendBars(a, timeZone, now)}
      timeZone={timeZone}
      xLabel={`Time (${timeZone}), one bar per ${width}`}
      yLabel="Recipients"
      barHeading={`Time (${timeZone})`}
      empty="Nothing has been sent yet: bars appear as recipients are sent, fail or are skipped."
      testId="sends-chart"
    />
  );
}

// Titled "by error", not "by error name": the recipients filter's field is labelled "Error name", and a chart must not
// share a form field's accessible name.
export function FailuresChart({ activity: a }: { activity: CampaignActivity }) {
  const items = failureItems(a);
  return (
    <HorizontalBarChart
      title="Failed recipients by error"
      summary={failuresSummary(items)}
      items={items}
      valueLabel="failed recipients"
      labelAxis="Error name"
      color="var(--color-destructive)"
      empty="No recipient has failed."
      testId="failures-chart"
    />
  );
}
