import "server-only";
// Cancelling a campaign: what has not been sent is skipped. Rows a live dispatcher is sending right now are left to it;
// it records their result (a retry it records becomes skipped on the next sweep).
import { and, eq, gt, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export const CANCELLED_REASON = "campaign cancelled";
/** Rows skipped per statement when cancelling: about a tenth of a second of work each on the embedded database. */
export const SKIP_BATCH_ROWS = 2_000;
/**
 * For rows whose last call has no known outcome: a timeout, a 5xx, or a dispatcher that died mid-send. Connect may
 * have started the chat, and since a cancelled campaign must not call Connect again to find out, the ledger says so.
 * (Only such calls use up attempts: throttling, capacity and systemic errors give theirs back.)
 */
export const CANCELLED_UNCERTAIN_REASON = "campaign cancelled after a send whose outcome is unknown; the recipient may have been contacted";
/** A campaign's end time (or maximum age for queued sends) passed before the row was sent: it is never sent late. */
export const EXPIRED_REASON = "expired";
export const EXPIRED_UNCERTAIN_REASON = "expired after a send whose outcome is unknown; the recipient may have been contacted";
/** Every reason a row can be skipped with for having been too late. */
export const EXPIRED_REASONS = [EXPIRED_REASON, EXPIRED_UNCERTAIN_REASON] as const;

const uncertainFor = (reason: string) =>
  reason === CANCELLED_REASON ? CANCELLED_UNCERTAIN_REASON : reason === EXPIRED_REASON ? EXPIRED_UNCERTAIN_REASON : reason;

const skipped = (why: string) => ({
  sendStatus: "skipped" as const,
  reason: why,
  nextAttemptAt: null,
  waitKind: null,
  waitReason: null,
  claimedBy: null,
  leaseUntil: null,
  updatedAt: sql`now()`,
});

const untried = and(eq(r.sendStatus, "pending"), eq(r.attempts, 0));
const unknownOutcome = or(and(eq(r.sendStatus, "pending"), gt(r.attempts, 0)), and(eq(r.sendStatus, "sending"), lt(r.leaseUntil, sql`now()`)));

/** Skips up to `limit` rows of each kind in `scope`; returns how many it skipped. */
async function skipSome(db: Db, scope: SQL, reason: string, limit: number | undefined): Promise<number> {
  const uncertain = uncertainFor(reason);
  let n = 0;
  for (const [kind, why] of [
    [untried, reason],
    [unknownOutcome, uncertain],
  ] as const) {
    const where = and(scope, kind);
    const target = limit === undefined ? where : inArray(r.id, db.select({ id: r.id }).from(r).where(where).limit(limit));
    n += (await db.update(r).set(skipped(why)).where(target).returning({ id: r.id })).length;
  }
  return n;
}

/** Rows of a campaign skipped because its deadline passed: one index range (skipped rows), filtered by reason. */
export async function countExpired(db: Db, campaignId: string): Promise<number> {
  return db.$count(r, and(eq(r.campaignId, campaignId), eq(r.sendStatus, "skipped"), inArray(r.reason, [...EXPIRED_REASONS])));
}

/** Rows a cancel will skip: not yet sent, or sent with no known outcome by a dispatcher whose lease ran out. */
export async function countRemaining(db: Db, campaignId: string): Promise<number> {
  return db.$count(r, and(eq(r.campaignId, campaignId), or(untried, unknownOutcome)));
}

/**
 * Skips what has not been sent. With `batchRows`, in batches of that many rows, each its own statement, so a
 * million-row cancel never holds the embedded database (which answers one query at a time) for long; rows a batch
 * misses because a process stopped part-way are skipped by the dispatcher's sweep. With `maxBatches` it stops after
 * that many full batches, leaving the rest to a later call (the dispatcher's loop serves other campaigns meanwhile).
 * Returns how many rows were skipped.
 */
export async function skipRemaining(
  db: Db,
  campaignId: string,
  reason: string = CANCELLED_REASON,
  o: { batchRows?: number; maxBatches?: number } = {},
): Promise<number> {
  const scope = eq(r.campaignId, campaignId);
  if (o.batchRows === undefined) return skipSome(db, scope, reason, undefined);
  const uncertain = uncertainFor(reason);
  // Untried rows, nearly all of a long list, go in batches: each batch reads the front of the pending index range, which
  // the batch before it emptied. The few rows with an unknown outcome go in one statement, as the OR that finds them
  // reads more of the campaign than one batch's worth.
  let total = 0;
  for (let batches = 1; ; batches++) {
    const batch = db.select({ id: r.id }).from(r).where(and(scope, untried)).limit(o.batchRows);
    const n = (await db.update(r).set(skipped(reason)).where(inArray(r.id, batch)).returning({ id: r.id })).length;
    total += n;
    if (n < o.batchRows) break;
    if (o.maxBatches !== undefined && batches >= o.maxBatches) return total;
    // PGlite answers within the same turn of the event loop: without this, a million-row cancel would let no request in.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const unknown = await db.update(r).set(skipped(uncertain)).where(and(scope, unknownOutcome)).returning({ id: r.id });
  return total + unknown.length;
}

/** The dispatcher's sweep: rows of cancelled campaigns that came back to pending after the cancel, or were abandoned. */
export async function skipCancelledLeftovers(db: Db): Promise<number> {
  const cancelled = await db
    .selectDistinct({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(r, eq(r.campaignId, campaigns.id))
    .where(and(eq(campaigns.status, "cancelled"), or(eq(r.sendStatus, "pending"), and(eq(r.sendStatus, "sending"), lt(r.leaseUntil, sql`now()`)))));
  let n = 0;
  for (const { id } of cancelled) n += await skipRemaining(db, id, CANCELLED_REASON, { batchRows: SKIP_BATCH_ROWS });
  return n;
}
