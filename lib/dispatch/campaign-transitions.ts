import "server-only";
// The status changes the dispatcher makes itself: each one a conditional update audited in the same transaction,
// so a pause, resume or cancel by a person in between wins and nothing is overwritten.
import { and, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/context";
import { transitionCampaign } from "@/lib/campaigns/queries";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { countExpired } from "@/lib/ledger/skip-remaining";
import { campaignLimiterKey } from "./options";
import { deleteBucket } from "./rate-limiter";

export const dispatcherActor = (workerId: string): AuditActor => ({ ...SYSTEM_ACTOR, requestId: `dispatcher:${workerId}` });

/** Scheduled campaigns whose time has come become running. Returns the ids started by this call. */
const isDue = (now: SQL) => or(isNull(campaigns.scheduledAt), lte(campaigns.scheduledAt, now));

export async function startDueCampaigns(db: Db, workerId: string): Promise<string[]> {
  const due = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, "scheduled"), isDue(sql`now()`)));
  const started: string[] = [];
  for (const { id } of due) {
    const row = await db.transaction(async (tx) => {
      // Still due as it moves: a reschedule between the read above and now wins.
      const moved = await transitionCampaign(tx, id, "scheduled", "running", { pauseReason: null }, isDue(sql`now()`));
      if (moved)
        await recordAudit(tx, dispatcherActor(workerId), {
          action: "campaign.started",
          targetType: "campaign",
          targetId: id,
          diff: { status: { from: "scheduled", to: "running" } },
        });
      return moved;
    });
    if (row) started.push(id);
  }
  return started;
}

/** Pauses a running campaign with the reason shown to people. False when it was no longer running. */
export async function pauseCampaign(db: Db, workerId: string, campaignId: string, reason: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await transitionCampaign(tx, campaignId, "running", "paused", { pauseReason: reason, waitingReason: null });
    if (!moved) return false;
    await recordAudit(tx, dispatcherActor(workerId), {
      action: "campaign.paused",
      targetType: "campaign",
      targetId: campaignId,
      diff: { status: { from: "running", to: "paused" }, reason },
    });
    return true;
  });
}

/** Why a campaign completed with rows unsent: its deadline passed (see lib/campaigns/deadline.ts). */
export interface EndedAtDeadline {
  deadline: Date;
  cause: "end time" | "maximum age";
}

/**
 * Completes a running campaign once no row is pending or being sent. Retry failed moves rows back to pending while
 * holding the campaign row, so the check waits for that row first: a retry is either seen here or comes after.
 */
export async function completeIfFinished(db: Db, workerId: string, campaignId: string, ended?: EndedAtDeadline): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [running] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "running")))
      .for("update");
    if (!running) return false;
    const [open] = await tx
      .select({ id: campaignRecipients.id })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), inArray(campaignRecipients.sendStatus, ["pending", "sending"])))
      .limit(1);
    if (open) return false;
    const moved = await transitionCampaign(tx, campaignId, "running", "completed", { finishedAt: new Date(), waitingReason: null });
    if (!moved) return false;
    const counts = await tx
      .select({ status: campaignRecipients.sendStatus, n: sql<number>`count(*)`.mapWith(Number) })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), isNotNull(campaignRecipients.sendStatus)))
      .groupBy(campaignRecipients.sendStatus);
    await recordAudit(tx, dispatcherActor(workerId), {
      action: "campaign.completed",
      targetType: "campaign",
      targetId: campaignId,
      diff: {
        status: { from: "running", to: "completed" },
        recipients: Object.fromEntries(counts.map((c) => [c.status, c.n])),
        ...(ended ? { endedAt: ended.deadline.toISOString(), endedBy: ended.cause, expired: await countExpired(tx, campaignId) } : {}),
      },
    });
    await deleteBucket(tx, campaignLimiterKey(campaignId));
    return true;
  });
}

/** Sets or clears why a running campaign is waiting without failing; a no-op when it already says so. */
export async function setWaitingReason(db: Db, campaignId: string, reason: string | null): Promise<void> {
  await db
    .update(campaigns)
    .set({ waitingReason: reason, updatedAt: new Date() })
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "running"), sql`${campaigns.waitingReason} is distinct from ${reason}`));
}
