"use client";
// Charts and counters of a launched campaign, read again as the page's live figures move (at most every 5 s): sends over
// time, failures by error name, open chats against the quota, and replies.
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FailuresChart, SendsOverTimeChart } from "./activity-charts";
import { fetchActivity, activityKey } from "./activity-api";
import { OpenChatsFigures, RepliesFigures } from "./activity-figures";
import { useCampaignLive } from "./campaign-live-source";
import { useFollowVersion } from "./follow-version";
import { isFinished } from "./final-figures";

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
  const data = query.data;
  const loading = <p className="text-sm text-muted-foreground">Loading…</p>;
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
          <CardContent>{data ? <OpenChatsFigures chats={data.chats} /> : loading}</CardContent>
        </Card>
        <Card data-testid="replies-card">
          <CardHeader>
            <CardTitle>Replies</CardTitle>
            <CardDescription>Recipients who answered on the campaign&apos;s number.</CardDescription>
          </CardHeader>
          <CardContent>{data ? <RepliesFigures campaignId={campaignId} replies={data.replies} sent={sent} /> : loading}</CardContent>
        </Card>
      </div>
      <div className="grid gap-4 xl:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Sends over time</CardTitle>
            <CardDescription>Sent, failed and skipped recipients, by when each reached its outcome.</CardDescription>
          </CardHeader>
          <CardContent>{data ? <SendsOverTimeChart activity={data.activity} /> : loading}</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Failures by error</CardTitle>
            <CardDescription>Failed recipients by the error Amazon Connect last gave them.</CardDescription>
          </CardHeader>
          <CardContent>{data ? <FailuresChart activity={data.activity} /> : loading}</CardContent>
        </Card>
      </div>
    </section>
  );
}
