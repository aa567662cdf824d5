import "server-only";
// Which contacts are due a check, and claiming them: one statement moves last_checked_at to now for rows it locked
// (SKIP LOCKED), so another process running a round at the same moment takes different rows, and a claimed row is not
// due again until its refresh interval has passed.
import { and, asc, eq, getTableColumns, gt, isNull, lt, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { contacts, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { ReconcileOptions } from "./reconcile-options";

type DueOptions = Pick<ReconcileOptions, "openRefreshMs" | "unknownRefreshMs" | "maxAgeMs">;

const ago = (ms: number) => sql`now() - ${ms}::double precision * interval '1 millisecond'`;

/**
 * Due contacts are not known to be ended, recent, and never checked or checked longer ago than their state's refresh
 * interval: four ranges of the index on (state, last_checked_at), each read in check order. One condition over both
 * states with an OR cannot be read in order, so it sorted every open chat (100,000 of them) to claim a few.
 */
function dueRanges(o: DueOptions): SQL[] {
  const recent = gt(contacts.createdAt, ago(o.maxAgeMs));
  return [
    and(eq(contacts.state, "open"), isNull(contacts.lastCheckedAt), recent)!,
    and(eq(contacts.state, "unknown"), isNull(contacts.lastCheckedAt), recent)!,
    and(eq(contacts.state, "open"), lt(contacts.lastCheckedAt, ago(o.openRefreshMs)), recent)!,
    and(eq(contacts.state, "unknown"), lt(contacts.lastCheckedAt, ago(o.unknownRefreshMs)), recent)!,
  ];
}

const inCheckOrder = [asc(contacts.lastCheckedAt), asc(contacts.createdAt)];

/**
 * Each range is read in the index's order even though any row will do: unordered, a LIMIT 1 on a range the statistics
 * still think large (a backlog just cleared) is planned as a scan of the whole table for a row no longer there.
 */
export async function hasDueContacts(db: Db, o: DueOptions): Promise<boolean> {
  const [a, b, c, d] = dueRanges(o).map((range) =>
    db.select({ id: contacts.contactId }).from(contacts).where(range).orderBy(asc(contacts.lastCheckedAt)).limit(1),
  );
  const rows = await unionAll(a!, b!, c!, d!).limit(1);
  return rows.length > 0;
}

export interface ClaimedContact {
  contact: Contact;
  /** last_checked_at before the claim (PostgreSQL's text, microseconds kept), put back if it is released unchecked. */
  previousCheckAt: string | null;
  claimedAt: string;
}

/**
 * Claims up to `limit` due contacts, the longest unchecked first (never checked first of all, oldest first). Each range
 * locks its own first `limit` rows (PostgreSQL allows no FOR UPDATE on a UNION itself), and the first `limit` of those
 * are claimed; the others stay locked only until the statement's transaction ends, a moment later, so a claim at
 * that same moment may find fewer rows this round (never the same ones).
 */
export async function claimDueContacts(db: Db, limit: number, o: DueOptions): Promise<ClaimedContact[]> {
  if (limit <= 0) return [];
  const ranges = dueRanges(o).map((range, i) =>
    db.select().from(
      db
        .select({
          id: sql<string>`${contacts.contactId}`.as("due_id"),
          prev: sql<string | null>`${contacts.lastCheckedAt}::text`.as("due_prev"),
          checkedAt: sql`${contacts.lastCheckedAt}`.as("due_checked_at"),
          createdAt: sql`${contacts.createdAt}`.as("due_created_at"),
        })
        .from(contacts)
        .where(range)
        .orderBy(...inCheckOrder)
        .limit(limit)
        .for("update", { skipLocked: true })
        .as(`range_${i}`),
    ),
  );
  const [a, b, c, d] = ranges;
  const candidates = unionAll(a!, b!, c!, d!).as("candidates");
  const due = db
    .select({ id: candidates.id, prev: candidates.prev })
    .from(candidates)
    .orderBy(sql`${candidates.checkedAt} asc nulls first`, asc(candidates.createdAt))
    .limit(limit)
    .as("due");
  const rows = await db
    .update(contacts)
    .set({ lastCheckedAt: sql`now()` })
    .from(due)
    .where(eq(contacts.contactId, due.id))
    .returning({ ...getTableColumns(contacts), previous: due.prev, claimed: sql<string>`${contacts.lastCheckedAt}::text` });
  return rows.map(({ previous, claimed, ...contact }) => ({ contact, previousCheckAt: previous, claimedAt: claimed }));
}

/**
 * Puts back contacts claimed but not checked (the round stopped on throttling), so they come first next round rather
 * than after a whole refresh interval. Only while the claim is still this one.
 */
export async function releaseContacts(db: Db, claimed: readonly ClaimedContact[]): Promise<void> {
  for (const c of claimed) {
    await db
      .update(contacts)
      .set({ lastCheckedAt: c.previousCheckAt === null ? null : sql`cast(${c.previousCheckAt} as timestamptz)` })
      .where(and(eq(contacts.contactId, c.contact.contactId), sql`${contacts.lastCheckedAt} = cast(${c.claimedAt} as timestamptz)`));
  }
}
