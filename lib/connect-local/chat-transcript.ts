// The items of a chat as Connect streams them (contract-streaming.md S.4), derived from the stored contact, its
// integration events and its end, so every stream of the chat sees the same items in the same order with the same ids.
import { createHash } from "node:crypto";
import type { Catalog } from "./catalog";
import { contactEnd, type StoredContact, type StoredEvent } from "./contact";
import { interpolate } from "./template-placeholders";
import { isObject } from "./validator";

export interface ChatItem {
  id: string;
  atMs: number;
  type: "MESSAGE" | "EVENT";
  contentType: string;
  content?: string;
  /** Absent for chat.ended, which no participant sends. */
  participant?: { id: string; role: "CUSTOMER" | "SYSTEM"; displayName: string };
}

/** The customer joining and the flow's first message (or the customer's first event): what a new stream is sent first. */
export const OPENING_ITEMS = 2;

const EVENT = "application/vnd.amazonaws.connect.event";
const SYSTEM_DISPLAY_NAME = "SYSTEM_MESSAGE";
const CUSTOMER_DISPLAY_NAME = "Customer";

/** A UUID-shaped id that is the same every time for the same contact and label. */
export function derivedId(contactId: string, label: string): string {
  const hex = createHash("sha256").update(`${contactId}\u0000${label}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Id of an outbound chat's first message: what a delivered or read receipt for that message names as its messageId. */
export function flowMessageId(contactId: string): string {
  return derivedId(contactId, "flow-message");
}

export function chatItems(catalog: Catalog, contact: StoredContact, events: readonly StoredEvent[], nowMs: number): ChatItem[] {
  const customer = {
    id: derivedId(contact.id, "participant:CUSTOMER"),
    role: "CUSTOMER" as const,
    displayName: contact.customerDisplayName ?? CUSTOMER_DISPLAY_NAME,
  };
  const items: ChatItem[] = [
    { id: derivedId(contact.id, "joined"), atMs: contact.initiatedAtMs, type: "EVENT", contentType: `${EVENT}.participant.joined`, participant: customer },
  ];
  if (contact.direction === "outbound") {
    const system = { id: derivedId(contact.id, "participant:SYSTEM"), role: "SYSTEM" as const, displayName: SYSTEM_DISPLAY_NAME };
    items.push({
      id: flowMessageId(contact.id),
      atMs: contact.initiatedAtMs,
      type: "MESSAGE",
      participant: system,
      ...flowMessage(catalog, contact),
    });
  }
  for (const event of events) {
    const sent = isObject(event.request) && isObject(event.request.Event) ? event.request.Event : undefined;
    if (!sent || (sent.Type !== "MESSAGE" && sent.Type !== "EVENT")) continue;
    items.push({
      id: event.id,
      atMs: event.receivedAtMs,
      type: sent.Type,
      contentType: String(sent.ContentType),
      content: typeof sent.Content === "string" ? sent.Content : undefined,
      participant: customer,
    });
  }
  const end = contactEnd(contact, nowMs);
  if (end) {
    items.push({ id: derivedId(contact.id, "left"), atMs: end.atMs, type: "EVENT", contentType: `${EVENT}.participant.left`, participant: customer });
    items.push({ id: derivedId(contact.id, "ended"), atMs: end.atMs, type: "EVENT", contentType: `${EVENT}.chat.ended` });
  }
  return items;
}

/** The outbound flow's first message: the request's initial message, else its WhatsApp template filled in, else a stand-in. */
function flowMessage(catalog: Catalog, contact: StoredContact): { contentType: string; content: string } {
  const request = isObject(contact.request) ? contact.request : {};
  const initial = request.InitialSystemMessage;
  if (isObject(initial) && typeof initial.Content === "string") {
    return { contentType: typeof initial.ContentType === "string" ? initial.ContentType : "text/plain", content: initial.Content };
  }
  const templated = request.InitialTemplatedSystemMessage;
  if (isObject(templated) && typeof templated.KnowledgeBaseId === "string" && typeof templated.MessageTemplateId === "string") {
    const kb = catalog.findKnowledgeBase(templated.KnowledgeBaseId);
    const template = kb ? catalog.findTemplate(kb.id, templated.MessageTemplateId) : undefined;
    const attributes = isObject(templated.TemplateAttributes) ? templated.TemplateAttributes.CustomAttributes : undefined;
    const values = isObject(attributes)
      ? (Object.fromEntries(Object.entries(attributes).filter(([, value]) => typeof value === "string")) as Record<string, string>)
      : {};
    if (template) return { contentType: "text/plain", content: interpolate(template.body, values).text };
  }
  const flow = catalog.findFlow(contact.instanceId, contact.contactFlowId);
  return { contentType: "text/plain", content: `Message from flow ${flow?.name ?? contact.contactFlowId}` };
}
