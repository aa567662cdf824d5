import "server-only";
// Cancelling a campaign: what has not been sent is skipped. Rows a live dispatcher is sending right now are left to it;
// it records their result (a retry it records becomes skipped on the next sweep).
import { and, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export const CANCELLED_REASON = "campaign cancelled";
/**
 * For rows whose last call has no known outcome: a timeout, a 5xx, or a dispatcher that died mid-send. Connect may
 * have started the chat, and since a cancelled campaign must not call Connect again to find out, the ledger says so.
 * (Only such calls use up attempts: throttling, capacity and systemic errors give theirs back.)
 */
export const CANCELLED_UNCERTAIN_REASON = "campaign cancelled after a send whose outcome is unknown; the recipient may have been contacted";

async function skip(db: Db, scope: SQL, reason: string): Promise<number> {
  const skipped = (why: string) => ({
    sendStatus: "skipped" as const,
    reason: why,
    nextAttemptAt: null,
    claimedBy: null,
    leaseUntil: null,
    updatedAt: sql`now()`,
  });
  const uncertain = reason === CANCELLED_REASON ? CANCELLED_UNCERTAIN_REASON : reason;
  const untried = await db
    .update(r)
    .set(skipped(reason))
    .where(and(scope, eq(r.sendStatus, "pending"), eq(r.attempts, 0)))
    .returning({ id: r.id });
  const unknown = await db
    .update(r)
    .set(skipped(uncertain))
    .where(and(scope, or(and(eq(r.sendStatus, "pending"), gt(r.attempts, 0)), and(eq(r.sendStatus, "sending"), lt(r.leaseUntil, sql`now()`)))))
    .returning({ id: r.id });
  return untried.length + unknown.length;
}

/** For the cancel action, in its transaction. Returns how many rows were skipped. */
export function skipRemaining(db: Db, campaignId: string, reason: string = CANCELLED_REASON): Promise<number> {
  return skip(db, eq(r.campaignId, campaignId), reason);
}

/** The dispatcher's sweep: rows of cancelled campaigns that came back to pending after the cancel, or were abandoned. */
export async function skipCancelledLeftovers(db: Db): Promise<number> {
  const cancelled = await db
    .selectDistinct({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(r, eq(r.campaignId, campaigns.id))
    .where(and(eq(campaigns.status, "cancelled"), or(eq(r.sendStatus, "pending"), and(eq(r.sendStatus, "sending"), lt(r.leaseUntil, sql`now()`)))));
  let n = 0;
  for (const { id } of cancelled) n += await skipRemaining(db, id);
  return n;
}
