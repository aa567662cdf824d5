import "server-only";
// Refused inbound requests are kept so an admin can see why a provider's messages do not arrive, but a broken or
// hostile sender must not be able to fill the database with them. Per integration, at most REJECTIONS_PER_MINUTE
// are kept one by one; the rest are counted on a single summary row per minute. Rows older than
// REJECTION_RETENTION_DAYS are deleted now and then.
import { and, desc, eq, gt, isNull, lt, sql, type SQL } from "drizzle-orm";
import { inboundRejections } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export const REJECTIONS_PER_MINUTE = 60;
export const REJECTION_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60_000;

// Two-key advisory locks live apart from the single-key ones the migrations, setup and audit chain take.
const REJECTION_LOCK_CLASS = 720_144_204;

const SUMMARY = /^(\d+) more rejections? suppressed in the last minute/;
const SUMMARY_SQL = "^[0-9]+ more rejections? suppressed in the last minute";

export function summaryReason(suppressed: number, latest: string): string {
  const what = suppressed === 1 ? "1 more rejection" : `${suppressed} more rejections`;
  return `${what} suppressed in the last minute (over ${REJECTIONS_PER_MINUTE} a minute are counted, not kept one by one); latest: ${latest}`;
}

export type RejectionVerdict = { keep: true } | { keep: false; summaryId: number; suppressed: number };

const ofIntegration = (integrationId: string | null): SQL =>
  integrationId === null ? isNull(inboundRejections.integrationId) : eq(inboundRejections.integrationId, integrationId);

/**
 * Whether one more rejection of this integration may be stored as its own row. When not, it has been counted on the
 * minute's summary row (created on the first one over the cap). Run inside the transaction that stores the row:
 * the lock it takes keeps concurrent requests for one integration from all counting under the cap at once.
 */
export async function admitRejection(tx: Db, r: { integrationId: string | null; reason: string; ip: string | null }): Promise<RejectionVerdict> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REJECTION_LOCK_CLASS}::int4, hashtext(${r.integrationId ?? ""}))`);
  // The received_at index bounds this scan to the last minute's rows, which the cap itself keeps few.
  const lastMinute = and(ofIntegration(r.integrationId), gt(inboundRejections.receivedAt, sql`now() - interval '1 minute'`));
  const [kept] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inboundRejections)
    .where(and(lastMinute, sql`${inboundRejections.reason} !~ ${SUMMARY_SQL}`));
  if ((kept?.n ?? 0) < REJECTIONS_PER_MINUTE) return { keep: true };

  const [summary] = await tx
    .select({ id: inboundRejections.id, reason: inboundRejections.reason })
    .from(inboundRejections)
    .where(and(lastMinute, sql`${inboundRejections.reason} ~ ${SUMMARY_SQL}`))
    .orderBy(desc(inboundRejections.id))
    .limit(1);
  const latest = r.reason.slice(0, 500);
  const ip = r.ip?.slice(0, 100) ?? null;
  if (!summary) {
    const [row] = await tx
      .insert(inboundRejections)
      .values({ integrationId: r.integrationId, reason: summaryReason(1, latest), ip })
      .returning({ id: inboundRejections.id });
    return { keep: false, summaryId: row!.id, suppressed: 1 };
  }
  const suppressed = Number(SUMMARY.exec(summary.reason)?.[1] ?? 0) + 1;
  await tx
    .update(inboundRejections)
    .set({ reason: summaryReason(suppressed, latest), ip })
    .where(eq(inboundRejections.id, summary.id));
  return { keep: false, summaryId: summary.id, suppressed };
}

const pruning = globalThis as unknown as { __inboundRejectionsPrunedAt?: number };

/** Deletes rejections past the retention period, at most once an hour per process (by the caller's clock). */
export async function pruneRejectionsIfDue(db: Db, nowMs: number): Promise<void> {
  const last = pruning.__inboundRejectionsPrunedAt;
  if (last !== undefined && nowMs >= last && nowMs - last < PRUNE_EVERY_MS) return;
  pruning.__inboundRejectionsPrunedAt = nowMs;
  await db.delete(inboundRejections).where(lt(inboundRejections.receivedAt, sql`now() - make_interval(days => ${REJECTION_RETENTION_DAYS})`));
}
