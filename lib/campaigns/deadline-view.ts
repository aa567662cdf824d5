import "server-only";
// A campaign's deadline as the campaign page and the API show it: when, which setting sets it, whether it has passed,
// and once the campaign completed at it, how many recipients expired (from the completion's audit entry, so a page
// that polls never counts a million skipped rows).
import { and, desc, eq } from "drizzle-orm";
import { auditLog, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { campaignDeadline, deadlineCause, sendingBeganAt } from "./deadline";
import type { CampaignConfig } from "./schemas";

export interface DeadlineView {
  at: Date;
  /** "maximum age": the start plus maxQueuedMinutes came first. */
  cause: "end time" | "maximum age";
  passed: boolean;
  /** Recipients skipped as expired, known once the campaign completed at its deadline; null before. */
  expired: number | null;
}

export async function campaignDeadlineView(db: Db, c: Campaign): Promise<DeadlineView | null> {
  const config = c.config as CampaignConfig;
  const began = sendingBeganAt(c);
  const at = campaignDeadline(config, began);
  if (!at) return null;
  const view: DeadlineView = { at, cause: deadlineCause(config, began) ?? "end time", passed: at.getTime() <= Date.now(), expired: null };
  if (c.status !== "completed") return view;
  const [done] = await db
    .select({ diff: auditLog.diff })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, c.id), eq(auditLog.targetType, "campaign"), eq(auditLog.action, "campaign.completed")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const expired = (done?.diff as { expired?: unknown } | null)?.expired;
  return { ...view, expired: typeof expired === "number" ? expired : null };
}

/**
 * One line for the campaign page, around its instant so the page writes that as every other time:
 * ["Sends stop at ", at, " (end time)"], or ["Ended at its end time (", at, "): 42 recipients not sent (expired)"].
 */
export function deadlineParts(d: DeadlineView): [before: string, at: Date, after: string] {
  const what = d.cause === "end time" ? "end time" : "maximum age for queued sends";
  if (d.expired !== null) return [`Ended at its ${what} (`, d.at, `): ${d.expired.toLocaleString("en-US")} recipients not sent (expired)`];
  return d.passed ? [`Its ${what} passed at `, d.at, ": no more sends"] : ["Sends stop at ", d.at, ` (${what})`];
}
