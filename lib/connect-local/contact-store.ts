// Contacts, idempotency tokens, integration events and chat streams. Every change goes through commit(): journal first,
// then memory.
import { contactEnd, type ChatSubtype, type StoredContact, type StoredEvent } from "./contact";
import type { Journal, JournalEntry, JournalRecord } from "./journal";
import type { SimClock } from "./sim-clock";
import { StreamStore } from "./stream-store";

export const CLIENT_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
// Rewrite the journal after this many appends so replay stays quick.
const REWRITE_AFTER_APPENDS = 5_000;

export class ContactStore {
  readonly contacts = new Map<string, StoredContact>();
  readonly events: StoredEvent[] = [];
  readonly streams = new StreamStore();
  private readonly eventsByContact = new Map<string, StoredEvent[]>();
  private readonly tokens = new Map<string, string>();
  // Per instance, chats not yet seen as ended; pruned lazily when counted.
  private readonly open = new Map<string, Set<string>>();
  // Chats by Connect number, customer and channel: every integration event looks its chat up here, so it must not scan.
  private readonly byConversation = new Map<string, StoredContact[]>();

  constructor(
    private readonly clock: SimClock,
    private readonly journal?: Journal,
  ) {}

  commit(entry: JournalEntry): void {
    const record = { ...entry, simMs: this.clock.nowMs(), realMs: Date.now() } as JournalRecord;
    if (this.journal) {
      this.journal.append(record);
      if (this.journal.appendedSinceRewrite >= REWRITE_AFTER_APPENDS) this.journal.rewrite(this.snapshot());
    }
    this.apply(record);
  }

  apply(record: JournalRecord): void {
    switch (record.t) {
      case "contact":
        this.addContact(record.contact);
        break;
      case "end":
        this.endContact(record.end.contactId, record.end.atMs, record.end.reason);
        break;
      case "event": {
        if (record.contact) this.addContact(record.contact);
        const touched = record.event.contactId ? this.contacts.get(record.event.contactId) : undefined;
        if (touched) touched.lastUpdatedAtMs = Math.max(touched.lastUpdatedAtMs, record.event.receivedAtMs);
        if (record.end) this.endContact(record.end.contactId, record.end.atMs, record.end.reason);
        this.events.push(record.event);
        if (record.event.contactId) {
          const list = this.eventsByContact.get(record.event.contactId);
          if (list) list.push(record.event);
          else this.eventsByContact.set(record.event.contactId, [record.event]);
        }
        break;
      }
      case "stream":
        this.streams.add(record.stream);
        break;
      case "stream-close":
        this.streams.close(record.close);
        break;
      case "reset":
        this.contacts.clear();
        this.tokens.clear();
        this.open.clear();
        this.byConversation.clear();
        this.events.length = 0;
        this.eventsByContact.clear();
        this.streams.clear();
        break;
      case "clock":
        break;
    }
  }

  /** Integration events that joined, created or ended this chat, in the order they were accepted. */
  eventsOf(contactId: string): readonly StoredEvent[] {
    return this.eventsByContact.get(contactId) ?? [];
  }

  /** The contact started with this token on this instance within the last 7 days. */
  findByClientToken(instanceId: string, token: string, nowMs: number): StoredContact | undefined {
    const contactId = this.tokens.get(tokenKey(instanceId, token));
    const contact = contactId ? this.contacts.get(contactId) : undefined;
    return contact && nowMs - contact.initiatedAtMs < CLIENT_TOKEN_TTL_MS ? contact : undefined;
  }

  activeCount(instanceId: string, nowMs: number): number {
    const ids = this.open.get(instanceId);
    if (!ids) return 0;
    for (const id of ids) {
      const contact = this.contacts.get(id);
      if (!contact || contactEnd(contact, nowMs)) ids.delete(id);
    }
    return ids.size;
  }

  activeCounts(nowMs: number): Record<string, number> {
    return Object.fromEntries([...this.open.keys()].map((instanceId) => [instanceId, this.activeCount(instanceId, nowMs)]));
  }

  /** Newest active chat between this Connect number and this customer on this channel. */
  findActiveChat(phoneNumberArn: string, customerAddress: string, subtype: ChatSubtype, nowMs: number) {
    let found: StoredContact | undefined;
    for (const contact of this.byConversation.get(conversationKey(phoneNumberArn, customerAddress, subtype)) ?? []) {
      if (!contactEnd(contact, nowMs) && (!found || contact.initiatedAtMs >= found.initiatedAtMs)) found = contact;
    }
    return found;
  }

  /** The smallest record list that rebuilds the current state. */
  snapshot(): JournalRecord[] {
    const time = { simMs: this.clock.nowMs(), realMs: Date.now() };
    return [
      ...[...this.contacts.values()].map((contact): JournalRecord => ({ t: "contact", contact, ...time })),
      ...this.events.map((event): JournalRecord => ({ t: "event", event, ...time })),
      ...this.streams.all().map((stream): JournalRecord => ({ t: "stream", stream, ...time })),
      { t: "clock", ...time },
    ];
  }

  private addContact(contact: StoredContact): void {
    const replaced = this.contacts.get(contact.id);
    this.contacts.set(contact.id, contact);
    const key = conversationKey(contact.phoneNumberArn, contact.customerAddress, contact.subtype);
    const conversation = this.byConversation.get(key)?.filter((other) => other !== replaced) ?? [];
    conversation.push(contact);
    this.byConversation.set(key, conversation);
    if (contact.clientToken) this.tokens.set(tokenKey(contact.instanceId, contact.clientToken), contact.id);
    if (contact.endedAtMs === undefined) {
      let ids = this.open.get(contact.instanceId);
      if (!ids) this.open.set(contact.instanceId, (ids = new Set()));
      ids.add(contact.id);
    }
  }

  private endContact(contactId: string, atMs: number, reason: string): void {
    const contact = this.contacts.get(contactId);
    if (!contact || contact.endedAtMs !== undefined) return;
    contact.endedAtMs = atMs;
    contact.disconnectReason = reason;
    contact.lastUpdatedAtMs = Math.max(contact.lastUpdatedAtMs, atMs);
    this.open.get(contact.instanceId)?.delete(contactId);
  }
}

function conversationKey(phoneNumberArn: string, customerAddress: string, subtype: string): string {
  return `${phoneNumberArn}\u0000${customerAddress}\u0000${subtype.toLowerCase()}`;
}

function tokenKey(instanceId: string, token: string): string {
  return `${instanceId}\u0000${token}`;
}
