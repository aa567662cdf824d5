"use client";
// Charts and counters of a launched campaign, read again as the page's live figures move (at most every 5 s): sends over
// time, failures by error name, open chats against the quota, and replies. Nothing here is drawn before the figures
// come, so the code that draws them (the charts bring d3, about 14 kB gzipped) downloads alongside the first read
// instead of with the page, behind placeholders as tall as what they stand for.
import { useEffect, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fetchActivity, activityKey } from "./activity-api";
import { useCampaignLive } from "./campaign-live-source";
import { useFollowVersion } from "./follow-version";
import { isFinished } from "./final-figures";

const SendsOverTimeChart = lazyComponent(() => import("./activity-charts").then((m) => m.SendsOverTimeChart));
const FailuresChart = lazyComponent(() => import("./activity-charts").then((m) => m.FailuresChart));
const OpenChatsFigures = lazyComponent(() => import("./activity-figures").then((m) => m.OpenChatsFigures));
const RepliesFigures = lazyComponent(() => import("./activity-figures").then((m) => m.RepliesFigures));

// About the drawn heights: a chart with its axis titles, legend and table toggle, or its empty note; the figures.
const SENDS_HEIGHT = "19rem";
const FAILURES_HEIGHT = "10rem";
const FIGURES_HEIGHT = "6rem";

/** The figures' code loading, or the figures not read yet: the same placeholder, of the part's height. */
function Pending({ what, height, children }: { what: string; height: string; children: ReactNode }) {
  const loading = <LoadingBlock height={height} label="Loading…" />;
  return children === null ? (
    loading
  ) : (
    <LoadBoundary what={what} fallback={loading}>
      {children}
    </LoadBoundary>
  );
}

const FOLLOW_MS = 5_000;
// Open chats and replies move no live figure: while the campaign is under way they are read every 30 s regardless.
const CHATS_POLL_MS = 30_000;

export function CampaignActivity() {
  const { campaignId, status, version } = useCampaignLive();
  const query = useQuery({
    queryKey: activityKey(campaignId),
    queryFn: ({ signal }) => fetchActivity(campaignId, signal),
    refetchInterval: isFinished(status) ? false : CHATS_POLL_MS,
  });
  useFollowVersion(version, FOLLOW_MS, { updatedAt: query.dataUpdatedAt, isFetching: query.isFetching, refetch: query.refetch });
  // The drawing code downloads while the figures are read.
  useEffect(() => {
    for (const part of [SendsOverTimeChart, FailuresChart, OpenChatsFigures, RepliesFigures]) part.preload();
  }, []);
  const data = query.data;
  const sent = data?.activity.sends.reduce((sum, b) => sum + b.sent, 0) ?? 0;

  return (
    <section aria-label="Campaign activity" className="grid gap-4" data-testid="campaign-activity">
      {query.isError ? <Alert tone="error">Activity is not available: {query.error.message}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card data-testid="open-chats-card">
          <CardHeader>
            <CardTitle>Open chats</CardTitle>
            <CardDescription>This campaign&apos;s chats as Amazon Connect last reported them.</CardDescription>
          </CardHeader>
          <CardContent>
            <Pending what="The open chats" height={FIGURES_HEIGHT}>
              {data ? <OpenChatsFigures chats={data.chats} /> : null}
            </Pending>
          </CardContent>
        </Card>
        <Card data-testid="replies-card">
          <CardHeader>
            <CardTitle>Replies</CardTitle>
            <CardDescription>Recipients who answered on the campaign&apos;s number.</CardDescription>
          </CardHeader>
          <CardContent>
            <Pending what="The replies" height={FIGURES_HEIGHT}>
              {data ? <RepliesFigures campaignId={campaignId} replies={data.replies} sent={sent} /> : null}
            </Pending>
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Sends over time</CardTitle>
            <CardDescription>Sent, failed and skipped recipients, by when each reached its outcome.</CardDescription>
          </CardHeader>
          <CardContent>
            <Pending what="The chart" height={SENDS_HEIGHT}>
              {data ? <SendsOverTimeChart activity={data.activity} /> : null}
            </Pending>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Failures by error</CardTitle>
            <CardDescription>Failed recipients by the error Amazon Connect last gave them.</CardDescription>
          </CardHeader>
          <CardContent>
            <Pending what="The chart" height={FAILURES_HEIGHT}>
              {data ? <FailuresChart activity={data.activity} /> : null}
            </Pending>
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
