"use client";
// The campaign's funnel: started → delivered → read → replied → opted out, each a count and a share of started, drawn
// as horizontal bars. Read again as the page's live figures move.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { FunnelView } from "@/lib/campaigns/funnel-view";
import { useCampaignLive } from "./campaign-live-source";
import { useFollowVersion } from "./follow-version";

// Read again when the live figures move, at most every 5 s: counting started on a 1,000,000-row campaign reads a million
// index entries (about 0.2 s on PostgreSQL), and receipts need not show within the second. Receipts, replies and STOPs
// move no live figure and keep coming for days after the last send, so the funnel is also read every 30 s regardless.
const FOLLOW_MS = 5_000;
const RECEIPTS_POLL_MS = 30_000;

export const funnelKey = (campaignId: string) => ["campaign-funnel", campaignId] as const;

const fmt = (n: number) => n.toLocaleString("en-US");
const pct = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

interface Stage {
  key: string;
  label: string;
  count: number;
  rate: number | null;
  color: string;
  /** Set when the count cannot be known: shown instead of a number and a bar. */
  unknown?: boolean;
}

function stagesOf(f: FunnelView): Stage[] {
  const c = f.counts;
  const unknown = !f.receiptsStreamed;
  return [
    { key: "started", label: "Started", count: c.started, rate: c.started > 0 ? 1 : null, color: "var(--color-primary)" },
    { key: "delivered", label: "Delivered", count: c.delivered, rate: f.rates.delivered, color: "var(--color-primary)", unknown },
    { key: "read", label: "Read", count: c.read, rate: f.rates.read, color: "var(--color-primary)", unknown },
    { key: "replied", label: "Replied", count: c.replied, rate: f.rates.replied, color: "var(--color-success)" },
    { key: "opted-out", label: "Opted out", count: c.optedOut, rate: f.rates.optedOut, color: "var(--color-warning)" },
  ];
}

function summaryOf(stages: Stage[]): string {
  return stages
    .map((s) => (s.unknown ? `${s.label} unknown` : `${s.label} ${fmt(s.count)}${s.rate === null || s.key === "started" ? "" : ` (${pct.format(s.rate)})`}`))
    .join(", ");
}

export function FunnelBars({ funnel }: { funnel: FunnelView }) {
  const stages = stagesOf(funnel);
  return (
    <figure className="grid gap-3" data-testid="funnel-chart">
      <figcaption className="sr-only">Funnel: {summaryOf(stages)}.</figcaption>
      {!funnel.receiptsStreamed ? (
        <p className="text-sm text-muted-foreground" data-testid="funnel-receipts-unknown">
          Delivered and read are unknown: chat streaming is off for this instance (Settings → Chat streaming)
        </p>
      ) : null}
      <ol className="grid gap-2" aria-hidden>
        {stages.map((s) => (
          <li key={s.key} className="grid gap-1" data-testid={`funnel-${s.key}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium">{s.label}</span>
              <span className="tabular-nums">
                {s.unknown ? (
                  <span className="text-muted-foreground">unknown</span>
                ) : (
                  <>
                    <span data-testid={`funnel-${s.key}-count`}>{fmt(s.count)}</span>
                    {s.rate !== null ? (
                      <span className="ml-2 text-muted-foreground" data-testid={`funnel-${s.key}-rate`}>
                        {pct.format(s.rate)}
                      </span>
                    ) : null}
                  </>
                )}
              </span>
            </div>
            <div className="h-3 w-full rounded-sm bg-muted">
              {!s.unknown && s.rate ? (
                <div className="h-3 rounded-sm" style={{ width: `${Math.max(0.5, Math.min(100, s.rate * 100))}%`, background: s.color }} />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </figure>
  );
}

export function FunnelCard() {
  const { campaignId, status, version } = useCampaignLive();
  const query = useQuery({
    queryKey: funnelKey(campaignId),
    queryFn: ({ signal }) => fetchJson<{ funnel: FunnelView }>(`/api/campaigns/${campaignId}/funnel`, signal),
    refetchInterval: RECEIPTS_POLL_MS,
  });
  const { refetch } = query;
  useFollowVersion(version, FOLLOW_MS, { updatedAt: query.dataUpdatedAt, isFetching: query.isFetching, refetch });
  // The last sends land as the status changes: read the funnel then rather than up to 5 s later.
  useEffect(() => {
    void refetch();
  }, [status, refetch]);
  return (
    <Card data-testid="funnel-card">
      <CardHeader>
        <CardTitle>Funnel</CardTitle>
        <CardDescription>
          Recipients at each stage, as a share of those started (sent, a chat created). A read recipient counts as delivered even when its delivered receipt
          never came.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {query.isError ? <Alert tone="error">The funnel is not available: {query.error.message}</Alert> : null}
        {query.data ? <FunnelBars funnel={query.data.funnel} /> : query.isPending ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
      </CardContent>
    </Card>
  );
}
