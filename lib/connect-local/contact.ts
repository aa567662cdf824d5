// What the simulator keeps per chat contact and per integration event.

export type ChatSubtype = "connect:SMS" | "connect:WhatsApp";

export interface StoredContact {
  id: string;
  arn: string;
  instanceId: string;
  direction: "outbound" | "inbound";
  initiationMethod: string;
  clientToken?: string;
  /** The request that created the chat, as received. */
  request: unknown;
  /** Wall-clock arrival of that request (absent in journals written before it was recorded). */
  receivedAtMs?: number;
  contactFlowId: string;
  subtype: ChatSubtype;
  segmentAttributes: Record<string, unknown>;
  attributes: Record<string, string>;
  /** Connect number the chat runs on. */
  phoneNumberArn: string;
  systemAddress: string;
  customerAddress: string;
  customerDisplayName?: string;
  relatedContactId?: string;
  chatDurationInMinutes: number;
  /** The flow disconnects the chat this long after it started (the flow's endsChatAfterSeconds when the chat began). */
  flowEndsAfterMs?: number;
  initiatedAtMs: number;
  lastUpdatedAtMs: number;
  endedAtMs?: number;
  disconnectReason?: string;
}

export type EventOutcome = "joined-chat" | "created-chat" | "ended-chat" | "no-active-chat";

export interface StoredEvent {
  id: string;
  receivedAtMs: number;
  instanceId: string;
  request: unknown;
  contactId?: string;
  newChatCreated: boolean;
  outcome: EventOutcome;
}

export const DISCONNECT_REASON = {
  stopped: "API",
  customer: "CUSTOMER_DISCONNECT",
  expired: "EXPIRED",
  flow: "CONTACT_FLOW_DISCONNECT",
} as const;

export function expiresAtMs(contact: StoredContact): number {
  return contact.initiatedAtMs + contact.chatDurationInMinutes * 60_000;
}

/**
 * When and why the chat ended: stopped or disconnected explicitly, disconnected by its flow, or out of duration,
 * whichever came first on the simulated clock.
 */
export function contactEnd(contact: StoredContact, nowMs: number): { atMs: number; reason: string } | undefined {
  if (contact.endedAtMs !== undefined) {
    return { atMs: contact.endedAtMs, reason: contact.disconnectReason ?? DISCONNECT_REASON.stopped };
  }
  const expiry = expiresAtMs(contact);
  const flowEnd = contact.flowEndsAfterMs === undefined ? undefined : contact.initiatedAtMs + contact.flowEndsAfterMs;
  if (flowEnd !== undefined && flowEnd < expiry) return nowMs >= flowEnd ? { atMs: flowEnd, reason: DISCONNECT_REASON.flow } : undefined;
  return nowMs >= expiry ? { atMs: expiry, reason: DISCONNECT_REASON.expired } : undefined;
}
