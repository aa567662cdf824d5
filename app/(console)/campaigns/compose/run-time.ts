// How long a send takes, honestly: at the sending rate while the open chats stay under the instance's quota; above
// it, each new chat waits for an open one to end, so the send takes somewhere between the rate's time (chats end at
// once) and the time it takes if every chat stays open for its whole duration (waves of a quota's worth of chats).
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";

export interface RunTime {
  /** Seconds at the sending rate. */
  fastest: number;
  /** Seconds if every chat stays open its full duration; equal to `fastest` when the quota never binds. */
  slowest: number;
}

type Facts = Pick<PreflightSummary, "estimatedSeconds" | "counts" | "concurrentChatQuota" | "projectedOpenChats" | "sendsPerSecond">;

export function runTime(summary: Facts, chatDurationMinutes: number): RunTime {
  const fastest = summary.estimatedSeconds ?? 0;
  const quota = summary.concurrentChatQuota;
  if (summary.projectedOpenChats <= quota || quota <= 0 || summary.sendsPerSecond <= 0) return { fastest, slowest: fastest };
  const valid = summary.counts.valid;
  const waves = Math.ceil(valid / quota);
  const lastWave = valid - (waves - 1) * quota;
  const slowest = (waves - 1) * chatDurationMinutes * 60 + Math.ceil(lastWave / summary.sendsPerSecond);
  return { fastest, slowest: Math.max(fastest, slowest) };
}
