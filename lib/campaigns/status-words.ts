// A campaign's status as the console says it wherever it shows (badge, list, page header): a finished campaign says
// what did not go out, so "Completed" never hides failures and "Cancelled" says how many were never sent. Pure, so
// the campaign page (live figures) and the campaigns list (counted per page) say exactly the same.
import { sendingBeganAt } from "./deadline";
import { STATUS_LABEL, type CampaignStatus } from "./status";

/** The sendable rows of a campaign by outcome; `total` counts every sendable row (pending and sending included). */
export interface OutcomeCounts {
  sent: number;
  failed: number;
  skipped: number;
  total: number;
}

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

const fmt = (n: number) => n.toLocaleString("en-US");

export function campaignStatusWords(status: CampaignStatus, counts?: OutcomeCounts): string {
  const label = STATUS_LABEL[status];
  if (!counts) return label;
  if (status === "completed") {
    const parts = [counts.failed > 0 ? `${fmt(counts.failed)} failed` : null, counts.skipped > 0 ? `${fmt(counts.skipped)} skipped` : null];
    return [label, ...parts.filter(Boolean)].join(" · ");
  }
  if (status === "cancelled") {
    // Failed and skipped rows were not sent either: the reader wants to know who never got the message.
    const notSent = Math.max(0, counts.total - counts.sent);
    return notSent > 0 ? `${label} · ${fmt(notSent)} not sent` : label;
  }
  return label;
}

export function campaignStatusTone(status: CampaignStatus, counts?: OutcomeCounts): StatusTone {
  if (status === "completed") return counts && counts.failed > 0 ? "warning" : "success";
  const tones: Record<CampaignStatus, StatusTone> = {
    draft: "neutral",
    scheduled: "info",
    running: "success",
    paused: "warning",
    completed: "success",
    cancelled: "danger",
  };
  return tones[status];
}

/**
 * When sending began: the later of launch and the scheduled start, once that moment has come and the campaign has
 * left "scheduled". Null for a campaign that has not started (a launched one waiting for its start, or paused before it).
 */
export function campaignStartedAt(c: { status: string; launchedAt: Date | null; scheduledAt: Date | null }, now = new Date()): Date | null {
  if (c.status === "draft" || c.status === "scheduled") return null;
  const began = sendingBeganAt(c);
  return began && began.getTime() <= now.getTime() ? began : null;
}
