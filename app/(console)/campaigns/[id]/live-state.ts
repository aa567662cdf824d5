// What the campaign page derives from its one live read of progress: how often to read it again, a version that moves
// whenever a recipient row moves (so the table and the cards re-read then, and only then), and the recipient counts
// card's figures. Pure, so the rules are tested without a browser.
import type { OutcomeCounts } from "@/lib/campaigns/status-words";
import type { CampaignProgress } from "@/lib/dispatch/progress";

/** Progress as the route sends it (its dates as ISO strings): the shape every part of the page reads. */
export type LiveProgress = Omit<CampaignProgress, "errors"> & { errors: (Omit<CampaignProgress["errors"][number], "lastAt"> & { lastAt: string | null })[] };

export const FAST_POLL_MS = 1_000;
// Nothing moves on its own: a paused campaign, or one whose start is a while off. Someone may still resume it elsewhere.
export const QUIET_POLL_MS = 5_000;
// A completed campaign moves again only when someone retries its failed recipients (possibly from another tab or the API).
export const SETTLED_POLL_MS = 30_000;
const START_SOON_MS = 60_000;

type PollInput = Pick<LiveProgress, "status" | "counts" | "scheduledAt">;

/** How long until the next read, or false to stop reading. */
export function livePollMs(p: PollInput, now = Date.now()): number | false {
  const inFlight = p.counts.sending > 0;
  switch (p.status) {
    case "running":
      return FAST_POLL_MS;
    case "scheduled": {
      const startsIn = p.scheduledAt ? Date.parse(p.scheduledAt) - now : 0;
      return startsIn <= START_SOON_MS ? FAST_POLL_MS : QUIET_POLL_MS;
    }
    case "paused":
      return inFlight ? FAST_POLL_MS : QUIET_POLL_MS;
    case "cancelled":
      // A cancel skips the rows left in batches and sends in flight still land: follow them, then stop for good.
      return inFlight || p.counts.pending > 0 ? FAST_POLL_MS : false;
    case "completed":
      return inFlight ? FAST_POLL_MS : SETTLED_POLL_MS;
    default:
      return false;
  }
}

/**
 * Changes whenever a recipient row can have changed: a status count, a wait, an error (its rows, its failures, its last
 * time, which a retried attempt moves even when it swaps with a claim and leaves the counts alone). Built from figures the
 * progress read already has, so following it costs no read of the ledger.
 */
export function liveVersion(p: Pick<LiveProgress, "status" | "counts" | "waiting" | "errors">): string {
  const c = p.counts;
  const errors = p.errors.map((e) => `${e.name}=${e.count}/${e.failed}@${e.lastAt ?? ""}`).join(",");
  return [p.status, c.pending, c.sending, c.sent, c.failed, c.skipped, c.total, p.waiting.sendWindow, p.waiting.frequencyCap, errors].join("|");
}

export function outcomeCounts(counts: LiveProgress["counts"]): OutcomeCounts {
  return { sent: counts.sent, failed: counts.failed, skipped: counts.skipped, total: counts.total };
}

const SEND_KEYS = ["pending", "sending", "sent", "failed", "skipped"] as const;

/**
 * The recipients card's counts: the send statuses from the live read, the rows never sendable (invalid, duplicate,
 * suppressed: fixed once launched) from the page's own count, and a total that adds the two.
 */
export function liveRecipientCounts(initial: Record<string, number>, live: LiveProgress["counts"] | null): Record<string, number> {
  if (!live) return initial;
  const sendable = SEND_KEYS.reduce((sum, k) => sum + (initial[k] ?? 0), 0);
  const neverSendable = Math.max(0, (initial.total ?? 0) - sendable);
  const out: Record<string, number> = { ...initial, total: live.total + neverSendable };
  for (const k of SEND_KEYS) out[k] = live[k];
  return out;
}
