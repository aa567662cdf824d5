import "server-only";
// A contact's conversation in order, a page at a time: every item Connect streamed for the chat (both sides, messages
// and events), merged with the events the console sent into it that the stream did not carry, so a chat that is not
// streamed still shows what the console sent. Reads only.
//
// Order: each entry's time, streamed items before the console's own events at the same instant, then by id. Streamed
// items carry Connect's clock and the console's events its own; the two meet only for events the stream missed.
// A console MESSAGE the stream carried is the item matched to it (matched_chat_event_id). Receipts, typing and
// disconnects are never matched (Connect's answer names no item), so one the console sent counts as carried when a
// customer item of the same kind reached the console within the matching window of it being sent.
import { and, asc, eq, ne, notExists, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { redactCustomerText, isCustomerChatEvent, type CustomerTextReader } from "@/lib/customer-text/redact";
import { chatEvents, chatStreamItems, inboundIntegrations } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/paging/keyset-cursor";
import { RECORD_WINDOW_MS } from "./console-replies";
import { TRANSCRIPT_LIMIT_MAX } from "./transcript-query";
import { DISCONNECT_LABEL, EVENT_CONTENT_TYPE, TYPING_CONTENT_TYPE, eventLabel, isEventContentType } from "./transcript-labels";

/** Most entries one page holds: a long chat is read in pages rather than at once. */
export const TRANSCRIPT_PAGE_MAX = TRANSCRIPT_LIMIT_MAX;

export type TranscriptSource = "stream" | "events page" | "inbound bridge";

export interface TranscriptEntry {
  /** Unique within the chat: `stream:<id>` or `event:<id>`. */
  key: string;
  source: TranscriptSource;
  /** Connect's AbsoluteTime for a streamed item; when the console sent it for the console's own events. */
  at: Date;
  /** When the console had it: stored from the stream, or sent by the console. */
  receivedAt: Date;
  /** Connect's participant role (CUSTOMER, SYSTEM, AGENT, CUSTOM_BOT…); null for chat.ended. The console speaks as the customer. */
  role: string | null;
  kind: "message" | "event";
  contentType: string | null;
  /** Plain words for an event ("Delivered", "Customer left", "Chat ended"…); null for a message. */
  label: string | null;
  /** The text; a customer's words only for readers of customers' texts (hiddenReason says why when hidden). */
  content: string | null;
  hiddenReason: string | null;
  /** The console's own events: the inbound integration that forwarded it, whether Connect took it, and why not. */
  integration: string | null;
  status: string | null;
  error: string | null;
}

export interface TranscriptPage {
  entries: TranscriptEntry[];
  /** Give it as `cursor` for the entries after these; null on the last page. */
  nextCursor: string | null;
  /** Typing indicators between the previous page and the end of this one that were left out (0 when included). */
  typingOmitted: number;
}

export interface TranscriptQuery {
  cursor?: string;
  limit?: number;
  includeTyping?: boolean;
}

// A position in the transcript: microseconds since the epoch (exact, unlike a JavaScript Date), which source, and id.
const STREAM = 0;
const CONSOLE = 1;
interface Position {
  us: bigint;
  rank: number;
  id: number;
}

function parseCursor(cursor: string): Position {
  const [us, rank, id] = decodeCursor(cursor, ["s", "n", "n"]) as [string, number, number];
  if (!/^-?\d{1,18}$/.test(us) || (rank !== STREAM && rank !== CONSOLE)) {
    throw new UserFacingError("invalid", "This cursor is not valid here: use nextCursor of the previous page", {
      cursor: "Use nextCursor of the previous page",
    });
  }
  return { us: BigInt(us), rank, id };
}

const compare = (a: Position, b: Position) => (a.us < b.us ? -1 : a.us > b.us ? 1 : a.rank - b.rank || a.id - b.id);

const microseconds = (column: AnyPgColumn) => sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;
const instant = (us: bigint) => sql`(timestamptz 'epoch' + ${us.toString()}::bigint * interval '1 microsecond')`;

/**
 * Rows of one source (`rank`) after `p`, or up to and including it. Written per source as plain comparisons on
 * (time, id), so the chat's index is read as a range.
 */
function after(time: AnyPgColumn, id: AnyPgColumn, rank: number, p: Position): SQL {
  if (rank > p.rank) return sql`${time} >= ${instant(p.us)}`;
  if (rank < p.rank) return sql`${time} > ${instant(p.us)}`;
  return sql`(${time}, ${id}) > (${instant(p.us)}, ${p.id})`;
}
function upTo(time: AnyPgColumn, id: AnyPgColumn, rank: number, p: Position): SQL {
  if (rank < p.rank) return sql`${time} <= ${instant(p.us)}`;
  if (rank > p.rank) return sql`${time} < ${instant(p.us)}`;
  return sql`(${time}, ${id}) <= (${instant(p.us)}, ${p.id})`;
}

const notTyping = (column: AnyPgColumn) => sql`${column} is distinct from ${TYPING_CONTENT_TYPE}`;

function streamRows(db: Db, contactId: string, from: Position | undefined, limit: number, includeTyping: boolean) {
  const t = chatStreamItems;
  return db
    .select({
      id: t.id,
      type: t.type,
      contentType: t.contentType,
      role: t.participantRole,
      content: t.content,
      at: t.absoluteTime,
      receivedAt: t.receivedAt,
      us: microseconds(t.absoluteTime),
    })
    .from(t)
    .where(
      and(
        eq(t.initialContactId, contactId),
        from ? after(t.absoluteTime, t.id, STREAM, from) : undefined,
        includeTyping ? undefined : ne(t.contentType, TYPING_CONTENT_TYPE),
      ),
    )
    .orderBy(asc(t.absoluteTime), asc(t.id))
    .limit(limit);
}

/** The customer item a console event becomes in the stream: its content type, or the customer leaving for DISCONNECT. */
const streamedAs = sql`case when ${chatEvents.eventType} = 'DISCONNECT' then ${`${EVENT_CONTENT_TYPE}participant.left`} else ${chatEvents.contentType} end`;

function consoleRows(db: Db, contactId: string, from: Position | undefined, limit: number, includeTyping: boolean) {
  const s = chatStreamItems;
  const window = sql`${RECORD_WINDOW_MS}::double precision * interval '1 millisecond'`;
  const carried = db
    .select({ one: sql`1` })
    .from(s)
    .where(
      and(
        eq(s.initialContactId, contactId),
        sql`${chatEvents.eventType} <> 'MESSAGE' and ${chatEvents.status} = 'sent'`,
        eq(s.participantRole, "CUSTOMER"),
        sql`${s.contentType} = ${streamedAs}`,
        sql`${s.receivedAt} between ${chatEvents.createdAt} - ${window} and ${chatEvents.createdAt} + ${window}`,
      ),
    );
  const matched = db
    .select({ one: sql`1` })
    .from(s)
    .where(eq(s.matchedChatEventId, chatEvents.id));
  return db
    .select({
      id: chatEvents.id,
      origin: chatEvents.origin,
      eventType: chatEvents.eventType,
      contentType: chatEvents.contentType,
      content: chatEvents.content,
      status: chatEvents.status,
      errorName: chatEvents.errorName,
      errorMessage: chatEvents.errorMessage,
      integration: inboundIntegrations.name,
      at: chatEvents.createdAt,
      us: microseconds(chatEvents.createdAt),
    })
    .from(chatEvents)
    .leftJoin(inboundIntegrations, eq(inboundIntegrations.id, chatEvents.integrationId))
    .where(
      and(
        eq(chatEvents.contactId, contactId),
        notExists(matched),
        notExists(carried),
        from ? after(chatEvents.createdAt, chatEvents.id, CONSOLE, from) : undefined,
        includeTyping ? undefined : notTyping(chatEvents.contentType),
      ),
    )
    .orderBy(asc(chatEvents.createdAt), asc(chatEvents.id))
    .limit(limit);
}

type StreamRow = Awaited<ReturnType<typeof streamRows>>[number];
type ConsoleRow = Awaited<ReturnType<typeof consoleRows>>[number];

function fromStream(r: StreamRow, reader: CustomerTextReader): TranscriptEntry {
  const event = isEventContentType(r.contentType) && r.type !== "MESSAGE";
  const entry: TranscriptEntry = {
    key: `stream:${r.id}`,
    source: "stream",
    at: r.at,
    receivedAt: r.receivedAt,
    role: r.role,
    kind: event ? "event" : "message",
    contentType: r.contentType,
    label: event ? eventLabel(r.contentType, r.role) : null,
    content: r.content,
    hiddenReason: null,
    integration: null,
    status: null,
    error: null,
  };
  return redactCustomerText(entry, "content", !event && r.role === "CUSTOMER", reader);
}

function fromConsole(r: ConsoleRow, reader: CustomerTextReader): TranscriptEntry {
  const message = r.eventType === "MESSAGE";
  const label = message ? null : r.eventType === "DISCONNECT" ? DISCONNECT_LABEL : r.contentType ? eventLabel(r.contentType, "CUSTOMER") : r.eventType;
  const entry: TranscriptEntry = {
    key: `event:${r.id}`,
    source: r.origin === "inbound" ? "inbound bridge" : "events page",
    at: r.at,
    receivedAt: r.at,
    role: "CUSTOMER",
    kind: message ? "message" : "event",
    contentType: r.contentType,
    label,
    content: r.content,
    hiddenReason: null,
    integration: r.integration,
    status: r.status,
    error: r.errorName ? [r.errorName, r.errorMessage].filter(Boolean).join(": ") : null,
  };
  return redactCustomerText(entry, "content", isCustomerChatEvent(r), reader);
}

async function typingBetween(db: Db, contactId: string, from: Position | undefined, to: Position | undefined): Promise<number> {
  const s = chatStreamItems;
  const [streamed, sent] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(s)
      .where(
        and(
          eq(s.initialContactId, contactId),
          eq(s.contentType, TYPING_CONTENT_TYPE),
          from ? after(s.absoluteTime, s.id, STREAM, from) : undefined,
          to ? upTo(s.absoluteTime, s.id, STREAM, to) : undefined,
        ),
      ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(chatEvents)
      .where(
        and(
          eq(chatEvents.contactId, contactId),
          eq(chatEvents.contentType, TYPING_CONTENT_TYPE),
          from ? after(chatEvents.createdAt, chatEvents.id, CONSOLE, from) : undefined,
          to ? upTo(chatEvents.createdAt, chatEvents.id, CONSOLE, to) : undefined,
        ),
      ),
  ]);
  return Number(streamed[0]?.n ?? 0) + Number(sent[0]?.n ?? 0);
}

/** One page of the contact's conversation, oldest first. A cursor that is not one of ours is a 400. */
export async function readTranscript(db: Db, contactId: string, reader: CustomerTextReader, q: TranscriptQuery = {}): Promise<TranscriptPage> {
  const limit = q.limit ?? TRANSCRIPT_PAGE_MAX;
  if (!Number.isInteger(limit) || limit < 1 || limit > TRANSCRIPT_PAGE_MAX) {
    throw new UserFacingError("invalid", `limit must be a whole number from 1 to ${TRANSCRIPT_PAGE_MAX}`, { limit: `1 to ${TRANSCRIPT_PAGE_MAX}` });
  }
  const includeTyping = q.includeTyping ?? false;
  const from = q.cursor ? parseCursor(q.cursor) : undefined;
  const [streamed, sent] = await Promise.all([
    streamRows(db, contactId, from, limit + 1, includeTyping),
    consoleRows(db, contactId, from, limit + 1, includeTyping),
  ]);
  const merged = [
    ...streamed.map((r) => ({ p: { us: BigInt(r.us), rank: STREAM, id: r.id }, entry: () => fromStream(r, reader) })),
    ...sent.map((r) => ({ p: { us: BigInt(r.us), rank: CONSOLE, id: r.id }, entry: () => fromConsole(r, reader) })),
  ].sort((a, b) => compare(a.p, b.p));
  const page = merged.slice(0, limit);
  const more = merged.length > limit;
  const last = page.at(-1)?.p;
  const nextCursor = more && last ? encodeCursor([last.us.toString(), last.rank, last.id]) : null;
  return {
    entries: page.map((m) => m.entry()),
    nextCursor,
    typingOmitted: includeTyping ? 0 : await typingBetween(db, contactId, from, more ? last : undefined),
  };
}
