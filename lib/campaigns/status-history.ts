import "server-only";
// A campaign's status changes in order, with who and when, read back from the audit log: every change is audited in
// the transaction that makes it, so the log is the history and nothing else needs keeping.
import { and, asc, eq, inArray } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/** The audited actions that change (or start) a campaign's status, with how the page names them. */
export const STATUS_ACTIONS = {
  "campaign.created": "Created",
  "campaign.launched": "Launched",
  "campaign.started": "Started sending",
  "campaign.paused": "Paused",
  "campaign.resumed": "Resumed",
  "campaign.cancelled": "Cancelled",
  "campaign.completed": "Completed",
  "campaign.retry_failed": "Failed recipients retried",
  "campaign.rescheduled": "Rescheduled",
  "campaign.unscheduled": "Back to draft",
} as const;

// Far more than any campaign's history; a page must never read an unbounded log.
const MAX_ENTRIES = 500;

export interface StatusChange {
  id: number;
  at: Date;
  action: keyof typeof STATUS_ACTIONS;
  label: string;
  /** A person's email, an API key (`api-key:<name>`), or "Dispatcher" for changes the sending loop made itself. */
  actor: string;
  from: string | null;
  to: string | null;
  /** One line on why or what: the pause reason, the schedule, counts. */
  detail: string | null;
}

type Diff = Record<string, unknown> | null;

const n = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : null);

function statusOf(diff: Diff): { from: string | null; to: string | null } {
  const s = diff?.status;
  if (s && typeof s === "object" && "to" in s) {
    const { from, to } = s as { from?: unknown; to?: unknown };
    return { from: typeof from === "string" ? from : null, to: typeof to === "string" ? to : null };
  }
  return { from: null, to: null };
}

function detailOf(action: StatusChange["action"], diff: Diff): string | null {
  switch (action) {
    case "campaign.launched": {
      const at = typeof diff?.scheduledAt === "string" ? diff.scheduledAt.replace("T", " ").slice(0, 16) : null;
      return [n(diff?.recipients) && `${n(diff?.recipients)} recipients`, at && `to start ${at} UTC`].filter(Boolean).join(", ") || null;
    }
    case "campaign.paused":
      return typeof diff?.reason === "string" ? diff.reason : null;
    case "campaign.rescheduled": {
      const to = (diff?.scheduledAt as { to?: unknown } | undefined)?.to;
      return typeof to === "string" ? `to start ${to.replace("T", " ").slice(0, 16)} UTC` : null;
    }
    case "campaign.resumed":
      return typeof diff?.previousReason === "string" ? `Had been paused: ${diff.previousReason}` : null;
    case "campaign.cancelled":
      // Entries written before cancels skipped rows in batches name the rows skipped; later ones the rows remaining.
      return n(diff?.remaining ?? diff?.skipped) ? `${n(diff?.remaining ?? diff?.skipped)} recipients not sent` : null;
    case "campaign.completed": {
      const counts = diff?.recipients && typeof diff.recipients === "object" ? (diff.recipients as Record<string, unknown>) : {};
      const parts = Object.entries(counts).flatMap(([k, v]) => (n(v) ? [`${n(v)} ${k}`] : []));
      const summary = parts.length > 0 ? parts.join(", ") : null;
      if (typeof diff?.endedAt !== "string") return summary;
      const ended = `Ended at its ${diff.endedBy === "maximum age" ? "maximum age for queued sends" : "end time"}: ${n(diff.expired) ?? "0"} recipients not sent (expired)`;
      return summary ? `${ended}; ${summary}` : ended;
    }
    case "campaign.retry_failed": {
      const held = typeof diff?.heldBack === "number" && diff.heldBack > 0 ? `, ${n(diff.heldBack)} held back (Connect no longer remembers their sends)` : "";
      const risky =
        typeof diff?.unverifiableRequeued === "number" && diff.unverifiableRequeued > 0
          ? `, including ${n(diff.unverifiableRequeued)} Connect no longer remembers`
          : "";
      return n(diff?.requeued) ? `${n(diff?.requeued)} recipients to send again${risky}${held}` : null;
    }
    default:
      return null;
  }
}

export async function campaignStatusHistory(db: Db, campaignId: string): Promise<StatusChange[]> {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorEmail: auditLog.actorEmail, requestId: auditLog.requestId, diff: auditLog.diff })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, campaignId), eq(auditLog.targetType, "campaign"), inArray(auditLog.action, Object.keys(STATUS_ACTIONS))))
    .orderBy(asc(auditLog.id))
    .limit(MAX_ENTRIES);
  return rows.map((row) => {
    const action = row.action as StatusChange["action"];
    const diff = row.diff as Diff;
    const status = statusOf(diff);
    return {
      id: row.id,
      at: row.at,
      action,
      label: STATUS_ACTIONS[action],
      actor: row.actorEmail === "system" && row.requestId?.startsWith("dispatcher:") ? "Dispatcher" : row.actorEmail,
      from: status.from,
      to: action === "campaign.created" ? "draft" : (status.to ?? (typeof diff?.status === "string" ? diff.status : null)),
      detail: detailOf(action, diff),
    };
  });
}
