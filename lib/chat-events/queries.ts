import "server-only";
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import { chatEvents } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { ChatEventFilter } from "./filters";

export type ChatEventRow = typeof chatEvents.$inferSelect;
export type NewChatEvent = typeof chatEvents.$inferInsert;

export async function insertChatEvent(db: Db, row: NewChatEvent): Promise<ChatEventRow> {
  const [inserted] = await db.insert(chatEvents).values(row).returning();
  return inserted!;
}

export async function findChatEvent(db: Db, id: number): Promise<ChatEventRow | undefined> {
  const [row] = await db.select().from(chatEvents).where(eq(chatEvents.id, id));
  return row;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Part of the customer's number or of the Connect number; "(206) 555-01" matches by its digits. */
function numberMatches(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const digits = q.replace(/\D/g, "");
  const pattern = /^[\d\s().+-]+$/.test(q) && digits.length > 0 ? `%${digits}%` : `%${escapeLike(q)}%`;
  return or(ilike(chatEvents.sourceId, pattern), ilike(chatEvents.destinationPhone, pattern));
}

export type ChatEventQuery = Omit<ChatEventFilter, "limit"> & { limit: number };

/** Newest first, keyset-paginated on id: the cursor is the last id of the previous page. */
export async function listChatEvents(db: Db, f: ChatEventQuery): Promise<{ events: ChatEventRow[]; nextCursor: number | null }> {
  const rows = await db
    .select()
    .from(chatEvents)
    .where(
      and(
        f.type ? eq(chatEvents.eventType, f.type) : undefined,
        f.status ? eq(chatEvents.status, f.status) : undefined,
        f.contactId ? eq(chatEvents.contactId, f.contactId) : undefined,
        numberMatches(f.q),
        f.cursor ? lt(chatEvents.id, f.cursor) : undefined,
      ),
    )
    .orderBy(desc(chatEvents.id))
    .limit(f.limit + 1);
  const events = rows.slice(0, f.limit);
  return { events, nextCursor: rows.length > f.limit ? events.at(-1)!.id : null };
}
