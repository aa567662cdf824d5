import "server-only";
// Contact history reads: the list a keyset page at a time (newest first, never OFFSET, so rows recorded meanwhile
// neither repeat nor shift the next page), one contact with its campaign, and the events the console sent into it.
import { and, desc, eq, getTableColumns, gte, like, lte, or, sql, type SQL } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "@/lib/paging/keyset-cursor";
import { campaigns, chatEvents, contacts, inboundMessages, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { openingEvent, type OpeningRequest } from "./opening-event";
import type { ContactExportFilter, ContactListFilter } from "./schemas";

const { details: _details, ...listColumns } = getTableColumns(contacts);

/** A stored contact as lists show it: everything but Connect's last full answer, plus its campaign's name. */
export type ContactListRow = Omit<Contact, "details"> & { campaignName: string | null };
export type ContactRow = Contact & { campaignName: string | null };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A ContactId matches exactly. Text that reads as a phone number also matches the customer or Connect number by its
 * digits, so "(206) 555-01" finds +120655501…; a nationally written number loses its leading 0 in E.164.
 */
function matches(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const digits = q.replace(/\D/g, "").replace(/^0+/, "");
  const phoneLike = /^[\d\s().+-]+$/.test(q) && digits.length > 0;
  const pattern = `%${escapeLike(digits)}%`;
  return or(eq(contacts.contactId, q), phoneLike ? or(like(contacts.customerPhone, pattern), like(contacts.sourcePhone, pattern)) : undefined);
}

function filtered(f: Partial<ContactExportFilter>): SQL | undefined {
  return and(
    matches(f.q),
    f.state ? eq(contacts.state, f.state) : undefined,
    f.channel ? eq(contacts.channel, f.channel) : undefined,
    f.origin ? eq(contacts.origin, f.origin) : undefined,
    f.campaignId ? eq(contacts.campaignId, f.campaignId) : undefined,
    f.from ? gte(contacts.createdAt, f.from) : undefined,
    f.to ? lte(contacts.createdAt, f.to) : undefined,
  );
}

export type ContactListQuery = Partial<ContactExportFilter> & Pick<ContactListFilter, "cursor" | "limit">;

/** Newest first, then by ContactId; the cursor is the last row's time (as PostgreSQL's text, microseconds kept) and id. */
export async function listContacts(db: Db, f: ContactListQuery): Promise<{ contacts: ContactListRow[]; nextCursor: string | null }> {
  const cursor = f.cursor ? decodeCursor(f.cursor, ["s", "s"]) : undefined;
  const rows = await db
    .select({ ...listColumns, campaignName: campaigns.name, sortKey: sql<string>`(${contacts.createdAt})::text` })
    .from(contacts)
    .leftJoin(campaigns, eq(campaigns.id, contacts.campaignId))
    .where(and(filtered(f), cursor ? sql`(${contacts.createdAt}, ${contacts.contactId}) < (cast(${cursor[0]} as timestamptz), ${cursor[1]})` : undefined))
    .orderBy(desc(contacts.createdAt), desc(contacts.contactId))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    contacts: page.map(({ sortKey: _key, ...row }) => row),
    nextCursor: rows.length > f.limit && last ? encodeCursor([last.sortKey, last.contactId]) : null,
  };
}

/** Every matching contact in list order, a page at a time, so an export never holds the whole history in memory. */
export async function* iterateContacts(db: Db, f: Partial<ContactExportFilter>, pageSize = 1000): AsyncGenerator<ContactListRow> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listContacts(db, { ...f, cursor, limit: pageSize });
    yield* page.contacts;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export async function getContact(db: Db, contactId: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(contacts), campaignName: campaigns.name })
    .from(contacts)
    .leftJoin(campaigns, eq(campaigns.id, contacts.campaignId))
    .where(eq(contacts.contactId, contactId));
  return row;
}

/**
 * One event the console sent into a contact: the request that started it, an event sent by hand or forwarded from the
 * inbound bridge, or a message received.
 */
export interface ContactEvent {
  source: "start" | "chat_event" | "inbound_message";
  id: number;
  at: Date;
  /** StartOutboundChatContact; MESSAGE, EVENT, DISCONNECT for chat events; message, delivered, read for inbound messages. */
  type: string;
  contentType: string | null;
  content: string | null;
  /** campaign or test send for the start; console or inbound otherwise. */
  origin: string;
  /** Who sent it: "campaign <name>", a person's email, or the customer's number for inbound messages. */
  by: string;
  /** sent or failed for chat events; queued, forwarded or failed for inbound messages. */
  status: string;
  error: string | null;
  /** The start only: its ledger attempts (campaigns) and what the request carried, when known. */
  opening?: { attempts: number | null; request: OpeningRequest | null };
}

const errorText = (name: string | null, message: string | null) => (name ? (message ? `${name}: ${message}` : name) : null);

/**
 * Newest first, ending with the request that started the contact when the console made it. An inbound message the
 * bridge forwarded appears once, as the chat event it became; one not (yet) forwarded as itself.
 */
export async function contactEvents(db: Db, contactId: string, limit = 200): Promise<ContactEvent[]> {
  const [sent, received, start] = await Promise.all([
    db.select().from(chatEvents).where(eq(chatEvents.contactId, contactId)).orderBy(desc(chatEvents.createdAt), desc(chatEvents.id)).limit(limit),
    db
      .select()
      .from(inboundMessages)
      .where(
        and(
          eq(inboundMessages.contactId, contactId),
          sql`not exists (select 1 from ${chatEvents} where ${chatEvents.contactId} = ${contactId} and ${chatEvents.inboundMessageId} = ${inboundMessages.id})`,
        ),
      )
      .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
      .limit(limit),
    openingEvent(db, contactId),
  ]);
  const events: ContactEvent[] = [
    ...sent.map((e) => ({
      source: "chat_event" as const,
      id: e.id,
      at: e.createdAt,
      type: e.eventType,
      contentType: e.contentType,
      content: e.content,
      origin: e.origin,
      by: e.actorEmail,
      status: e.status,
      error: errorText(e.errorName, e.errorMessage),
    })),
    ...received.map((m) => ({
      source: "inbound_message" as const,
      id: m.id,
      at: m.receivedAt,
      type: m.type,
      contentType: m.text === null ? null : "text/plain",
      content: m.text,
      origin: "inbound",
      by: m.fromPhone,
      status: m.status,
      error: errorText(m.lastErrorName, m.lastErrorMessage),
    })),
  ];
  const newestFirst = events.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  // The start stays last whatever the clocks say: nothing happens in a chat before it exists.
  return start ? [...newestFirst.slice(0, limit - 1), start] : newestFirst.slice(0, limit);
}

/**
 * Records that a chat ended. Call it inside the transaction that audits the change: the row is locked first, so the
 * state returned is the one this change replaced. A contact already recorded as ended keeps how and when it ended.
 */
export async function markContactEnded(
  tx: Db,
  contactId: string,
  end: { disconnectedAt: Date | null; disconnectReason: string | null },
): Promise<Contact["state"] | undefined> {
  const [current] = await tx.select({ state: contacts.state }).from(contacts).where(eq(contacts.contactId, contactId)).for("update");
  if (current && current.state !== "ended") {
    await tx
      .update(contacts)
      .set({ state: "ended", disconnectedAt: end.disconnectedAt, disconnectReason: end.disconnectReason })
      .where(eq(contacts.contactId, contactId));
  }
  return current?.state;
}
