import "server-only";
// Claiming ledger rows: one conditional statement takes due rows of a running campaign for this dispatcher.
// A row whose lease ran out belonged to a dispatcher that died mid-send; claiming it again re-sends it with the same
// ClientToken, so Connect answers with the contact it already created instead of starting a second chat. A dispatcher
// whose heartbeat stopped (see claimer-gone.ts) is treated the same way at once, without waiting for its leases to end.
import { and, asc, eq, exists, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
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
}

/** Two index probes, so an idle campaign costs almost nothing per loop pass. */
export async function ledgerState(db: Db, campaignId: string): Promise<LedgerState> {
  const [dueRow] = await db.select({ id: r.id }).from(r).where(due(campaignId)).limit(1);
  if (dueRow) return { due: true, unfinished: true };
  const [open] = await db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), inArray(r.sendStatus, ["pending", "sending"])))
    .limit(1);
  return { due: false, unfinished: open !== undefined };
}
