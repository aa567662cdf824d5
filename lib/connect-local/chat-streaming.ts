// Publishes each streamed chat's items to its topics (contract-streaming.md S.4): a new stream gets the chat's opening
// items, then every item as it happens; the chat's end is published and closes the stream. What each stream has
// published is kept in memory; after a restart an open stream carries on from what its chat holds then.
import { randomUUID } from "node:crypto";
import type { Catalog } from "./catalog";
import { chatItems, OPENING_ITEMS, type ChatItem } from "./chat-transcript";
import { contactEnd, type StoredContact } from "./contact";
import type { ContactStore } from "./contact-store";
import type { SimClock } from "./sim-clock";
import type { SnsTopics } from "./sns-topics";
import type { StoredStream } from "./stream-store";

const CHAT_ENDED = "application/vnd.amazonaws.connect.event.chat.ended";

export class ChatStreaming {
  /** Stream id → how many of its chat's items it has published. */
  private readonly published = new Map<string, number>();

  constructor(
    private readonly catalog: Catalog,
    private readonly store: ContactStore,
    private readonly clock: SimClock,
    private readonly sns: SnsTopics,
  ) {}

  /** Starts a stream, sends it the chat's opening items and whatever has happened since. */
  start(contact: StoredContact, topicArn: string, clientToken?: string): StoredStream {
    const now = this.clock.nowMs();
    const stream: StoredStream = { id: randomUUID(), contactId: contact.id, instanceId: contact.instanceId, topicArn, clientToken, startedAtMs: now };
    this.store.commit({ t: "stream", stream });
    const items = this.items(contact, now);
    for (const item of items.slice(0, OPENING_ITEMS)) this.publish(stream, contact, item);
    this.published.set(stream.id, Math.max(OPENING_ITEMS, items.length));
    return stream;
  }

  stop(stream: StoredStream): void {
    if (stream.closedAtMs !== undefined) return;
    this.store.commit({ t: "stream-close", close: { streamId: stream.id, atMs: this.clock.nowMs() } });
    this.published.delete(stream.id);
  }

  /** Publishes what each open stream of the chat has not yet sent, in order; once the chat's end is out, closes them. */
  flush(contactId: string): void {
    const streams = this.store.streams.openOf(contactId);
    const contact = this.store.contacts.get(contactId);
    if (streams.length === 0 || !contact) return;
    const now = this.clock.nowMs();
    const items = this.items(contact, now);
    for (const stream of streams) {
      for (const item of items.slice(this.published.get(stream.id) ?? items.length)) this.publish(stream, contact, item);
      this.published.set(stream.id, items.length);
      if (items.at(-1)?.contentType === CHAT_ENDED) this.stop(stream);
    }
  }

  /** Publishes the end of streamed chats that their flow or their duration ended, which no request announces. */
  sweep(): void {
    const now = this.clock.nowMs();
    for (const contactId of this.store.streams.contactsWithOpenStreams()) {
      const contact = this.store.contacts.get(contactId);
      if (contact && contactEnd(contact, now)) this.flush(contactId);
    }
  }

  /** After the journal is replayed: open streams resume after their chat's items so far, except its end. */
  resume(): void {
    this.published.clear();
    const now = this.clock.nowMs();
    for (const contactId of this.store.streams.contactsWithOpenStreams()) {
      const contact = this.store.contacts.get(contactId);
      if (!contact) continue;
      const items = this.items(contact, now);
      const unpublished = contactEnd(contact, now) ? 2 : 0;
      for (const stream of this.store.streams.openOf(contactId)) this.published.set(stream.id, items.length - unpublished);
    }
  }

  private items(contact: StoredContact, nowMs: number): ChatItem[] {
    return chatItems(this.catalog, contact, this.store.eventsOf(contact.id), nowMs);
  }

  private publish(stream: StoredStream, contact: StoredContact, item: ChatItem): void {
    const message = {
      AbsoluteTime: new Date(item.atMs).toISOString(),
      Content: item.content,
      ContentType: item.contentType,
      Id: item.id,
      Type: item.type,
      ParticipantId: item.participant?.id,
      DisplayName: item.participant?.displayName,
      ParticipantRole: item.participant?.role,
      InitialContactId: contact.id,
      ContactId: contact.id,
    };
    const attributes: Record<string, string> = {
      InitialContactId: contact.id,
      MessageVisibility: "ALL",
      Type: item.type,
      AccountId: this.catalog.accountId,
      ContentType: item.contentType,
      InstanceId: contact.instanceId,
      ContactId: contact.id,
      ...(item.participant ? { ParticipantRole: item.participant.role } : {}),
    };
    this.sns.publish(stream.topicArn, JSON.stringify(message), attributes, this.clock.nowMs());
  }
}
