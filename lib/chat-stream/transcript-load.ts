import "server-only";
// A contact's transcript as the contact page, its route and the automation API answer it: one page of the
// conversation, the chat's receipts and end, and whether (and why not) its chat is streamed.
import { eq } from "drizzle-orm";
import type { CustomerTextReader } from "@/lib/customer-text/redact";
import { contacts, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import { readChatStreaming } from "@/lib/settings/chat-streaming";
import { DEFAULT_STREAM_STARTER_OPTIONS } from "./starter";
import { readTranscript, type TranscriptPage, type TranscriptQuery } from "./transcript";
import { streamStatusOf, type StreamStatus } from "./transcript-status";

export interface ContactTranscript extends TranscriptPage {
  contactId: string;
  state: Contact["state"];
  /** The earliest delivered and read receipts the customer's side sent, and when the chat ended. */
  deliveredAt: Date | null;
  readAt: Date | null;
  disconnectedAt: Date | null;
  stream: StreamStatus;
}

/** Undefined when the console has no such contact. */
export async function loadContactTranscript(
  db: Db,
  contactId: string,
  reader: CustomerTextReader,
  q: TranscriptQuery = {},
): Promise<ContactTranscript | undefined> {
  const [contact] = await db.select().from(contacts).where(eq(contacts.contactId, contactId));
  if (!contact) return undefined;
  const e = env();
  const [page, setting] = await Promise.all([readTranscript(db, contactId, reader, q), readChatStreaming(db)]);
  const stream = streamStatusOf(contact, {
    mode: e.CONNECT_MODE,
    instanceTopic: setting.topics[contact.instanceId],
    readsQueue: e.CHAT_STREAM_QUEUE_URL !== "off" && (e.CONNECT_MODE === "local" || Boolean(e.CHAT_STREAM_QUEUE_URL)),
    maxAgeMs: DEFAULT_STREAM_STARTER_OPTIONS.maxAgeMs,
    now: new Date(),
  });
  return {
    contactId,
    state: contact.state,
    deliveredAt: contact.deliveredAt,
    readAt: contact.readAt,
    disconnectedAt: contact.disconnectedAt,
    stream,
    ...page,
  };
}
