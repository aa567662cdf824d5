"use client";
// The campaign page's one live source: a single read of progress, polled while the campaign moves, that the status
// badge, the header, the progress card, the recipient counts, Retry failed and the controls all show; the recipients
// table and the funnel and activity cards follow its version. No two parts of the page can then disagree about where
// the campaign is.
import { createContext, useContext, useEffect, useMemo, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import type { CampaignStatus } from "@/lib/campaigns/status";
import type { OutcomeCounts } from "@/lib/campaigns/status-words";
import { QUIET_POLL_MS, liveVersion, livePollMs, outcomeCounts, type LiveProgress } from "./live-state";
import { fetchProgress, progressKey } from "./live-api";

/** What the server rendered the page with: shown until the first live read lands (and for a draft, throughout). */
export interface LiveSnapshot {
  status: CampaignStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  outcome: OutcomeCounts;
}

export interface CampaignLiveValue {
  campaignId: string;
  status: CampaignStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Sent, failed and skipped of the sendable rows, for the status words. */
  outcome: OutcomeCounts;
  /** The last live read; null until it lands and for a draft. */
  progress: LiveProgress | null;
  /** Moves whenever a recipient row can have moved; null until the first read. */
  version: string | null;
  error: Error | null;
  isPending: boolean;
  refetch: () => void;
}

const LiveContext = createContext<CampaignLiveValue | null>(null);

export function useCampaignLive(): CampaignLiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error("useCampaignLive needs a CampaignLiveSource above it");
  return value;
}

export function CampaignLiveSource({ campaignId, initial, children }: { campaignId: string; initial: LiveSnapshot; children: React.ReactNode }) {
  const router = useRouter();
  // A draft does not move on its own: its page is rendered afresh after every change.
  const live = initial.status !== "draft";
  const query = useQuery({
    queryKey: progressKey(campaignId),
    queryFn: ({ signal }) => fetchProgress(campaignId, signal),
    enabled: live,
    // Until a first read succeeds, try again now and then rather than leave the page frozen.
    refetchInterval: (q) => (q.state.data ? livePollMs(q.state.data.progress) : QUIET_POLL_MS),
  });
  const progress = live ? (query.data?.progress ?? null) : null;
  const status = (progress?.status ?? initial.status) as CampaignStatus;

  // What the server renders (the status history, the header's actions, the deadline) follows a status change.
  const seen = useRef(initial.status as string);
  useEffect(() => {
    if (status !== seen.current) {
      seen.current = status;
      router.refresh();
    }
  }, [status, router]);

  const { refetch } = query;
  const version = progress ? liveVersion(progress) : null;
  const value = useMemo<CampaignLiveValue>(
    () => ({
      campaignId,
      status,
      scheduledAt: progress ? progress.scheduledAt : initial.scheduledAt,
      startedAt: progress ? progress.startedAt : initial.startedAt,
      finishedAt: progress ? progress.finishedAt : initial.finishedAt,
      outcome: progress ? outcomeCounts(progress.counts) : initial.outcome,
      progress,
      version,
      error: query.error,
      isPending: live && query.isPending,
      refetch: () => void refetch(),
    }),
    [campaignId, status, progress, version, initial, query.error, query.isPending, live, refetch],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
