import "server-only";
// Claiming ledger rows: one conditional statement takes due rows of a running campaign for this dispatcher.
// A row whose lease ran out belonged to a dispatcher that died mid-send; claiming it again re-sends it with the same
// ClientToken, so Connect answers with the contact it already created instead of starting a second chat. A dispatcher
// whose heartbeat stopped (see claimer-gone.ts) is treated the same way at once, without waiting for its leases to end.
import { and, asc, eq, exists, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { campaignRecipients as r, campaigns, type CampaignRecipient } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { claimerIsGone } from "./claimer-gone";

const due = (campaignId: string) =>
  and(
    eq(r.campaignId, campaignId),
    or(
      and(eq(r.sendStatus, "pending"), or(isNull(r.nextAttemptAt), lte(r.nextAttemptAt, sql`now()`))),
      and(eq(r.sendStatus, "sending"), or(lt(r.leaseUntil, sql`now()`), claimerIsGone(r.claimedBy))),
    ),
  );

export interface ClaimRequest {
  campaignId: string;
  workerId: string;
  limit: number;
  leaseMs: number;
}

/**
 * Claims up to `limit` due rows, in line order (the order of the list). Only while the campaign is running: a pause or cancel that committed
 * before this statement stops every later claim, whatever the dispatcher last read.
 */
export async function claimBatch(db: Db, c: ClaimRequest): Promise<CampaignRecipient[]> {
  if (c.limit <= 0) return [];
  const running = db
    .select({ one: sql`1` })
    .from(campaigns)
    .where(and(eq(campaigns.id, c.campaignId), eq(campaigns.status, "running")));
  const ids = db
    .select({ id: r.id })
    .from(r)
    .where(and(due(c.campaignId), exists(running)))
    .orderBy(asc(r.line))
    .limit(c.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(r)
    .set({
      sendStatus: "sending",
      claimedBy: c.workerId,
      leaseUntil: sql`now() + ${c.leaseMs}::double precision * interval '1 millisecond'`,
      attempts: sql`${r.attempts} + 1`,
      // Taken to be sent: whatever it waited for is over (a row still held is recorded waiting again).
      waitKind: null,
      waitReason: null,
      updatedAt: sql`now()`,
    })
    .where(inArray(r.id, ids))
    .returning();
  return rows.sort((a, b) => a.line - b.line);
}

export interface LedgerState {
  /** A row could be claimed now. */
  due: boolean;
  /** Rows are still pending or being sent (by anyone). */
  unfinished: boolean;
  /**
   * When nothing is due: how long until the earliest put-off pending row (a retry or a wait) is due, by the
   * database's clock; null when no pending row is put off. Rows can still become due sooner (a lease running out,
   * failed rows re-queued), so a caller sleeping on it must look again now and then.
   */
  nextDueInMs: number | null;
}

/**
 * Index probes, so an idle campaign costs little per loop pass: whether a row is due, and if not, the earliest put-off
 * row (the first entry of campaign_recipients_next_attempt_idx, whose predicate the literal status matches).
 */
export async function ledgerState(db: Db, campaignId: string): Promise<LedgerState> {
  const [dueRow] = await db.select({ id: r.id }).from(r).where(due(campaignId)).limit(1);
  if (dueRow) return { due: true, unfinished: true, nextDueInMs: null };
  const [next] = await db
    .select({ inMs: sql<number>`(extract(epoch from (${r.nextAttemptAt} - now())) * 1000)::float8` })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), sql`${r.sendStatus} = 'pending'`, isNotNull(r.nextAttemptAt)))
    .orderBy(asc(r.nextAttemptAt))
    .limit(1);
  if (next) return { due: false, unfinished: true, nextDueInMs: Math.max(0, Number(next.inMs)) };
  const [open] = await db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), inArray(r.sendStatus, ["pending", "sending"])))
    .limit(1);
  return { due: false, unfinished: open !== undefined, nextDueInMs: null };
}
