import "server-only";
// Which contacts are due a check, and claiming them: one statement moves last_checked_at to now for rows it locked
// (SKIP LOCKED), so another process running a round at the same moment takes different rows, and a claimed row is not
// due again until its refresh interval has passed.
import { and, asc, eq, getTableColumns, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { contacts, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { ReconcileOptions } from "./reconcile-options";

type DueOptions = Pick<ReconcileOptions, "openRefreshMs" | "unknownRefreshMs" | "maxAgeMs">;

const ago = (ms: number) => sql`now() - ${ms}::double precision * interval '1 millisecond'`;

/** Not known to be ended, recent, and never checked or checked longer ago than its state's refresh interval. */
function dueWhere(o: DueOptions) {
  return and(
    inArray(contacts.state, ["open", "unknown"]),
    gt(contacts.createdAt, ago(o.maxAgeMs)),
    or(
      isNull(contacts.lastCheckedAt),
      and(eq(contacts.state, "open"), lt(contacts.lastCheckedAt, ago(o.openRefreshMs))),
      and(eq(contacts.state, "unknown"), lt(contacts.lastCheckedAt, ago(o.unknownRefreshMs))),
    ),
  );
}

export async function hasDueContacts(db: Db, o: DueOptions): Promise<boolean> {
  const [row] = await db.select({ id: contacts.contactId }).from(contacts).where(dueWhere(o)).limit(1);
  return row !== undefined;
}

export interface ClaimedContact {
  contact: Contact;
  /** last_checked_at before the claim (PostgreSQL's text, microseconds kept), put back if it is released unchecked. */
  previousCheckAt: string | null;
  claimedAt: string;
}

/** Claims up to `limit` due contacts, the longest unchecked first. */
export async function claimDueContacts(db: Db, limit: number, o: DueOptions): Promise<ClaimedContact[]> {
  if (limit <= 0) return [];
  const due = db
    .select({ id: sql<string>`${contacts.contactId}`.as("due_id"), prev: sql<string | null>`${contacts.lastCheckedAt}::text`.as("due_prev") })
    .from(contacts)
    .where(dueWhere(o))
    .orderBy(sql`${contacts.lastCheckedAt} asc nulls first`, asc(contacts.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true })
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
