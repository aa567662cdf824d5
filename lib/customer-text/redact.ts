// Who reads customers' words: a customer's message text (an inbound message, the content of a MESSAGE chat event,
// either on a contact's page) is shown only to users whose role is at least CUSTOMER_TEXT_ROLE (supervisor unless
// configured). Everyone else gets the item with the text replaced by null and `hiddenReason` saying why. Every page,
// route and export that shows such text goes through redactCustomerText. Pure: the pages' components import the type.
import { hasRole, type Role } from "@/lib/auth/roles";

export interface CustomerTextReader {
  role: Role;
  /** CUSTOMER_TEXT_ROLE: the lowest role that may read customers' texts. */
  minRole: Role;
}

export function canReadCustomerText(role: Role, minRole: Role): boolean {
  return hasRole(role, minRole);
}

export function hiddenTextLabel(minRole: Role): string {
  return `hidden: needs the ${minRole} role`;
}

export type Redacted<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null } & { hiddenReason: string | null };

/** `item` with `field` set to null and `hiddenReason` to the label when it holds a customer's text the reader may not see. */
export function redactCustomerText<T extends object, K extends keyof T>(
  item: T,
  field: K,
  isCustomerText: boolean,
  reader: CustomerTextReader,
): Redacted<T, K> {
  const hide = isCustomerText && item[field] !== null && item[field] !== undefined && !canReadCustomerText(reader.role, reader.minRole);
  return (hide ? { ...item, [field]: null, hiddenReason: hiddenTextLabel(reader.minRole) } : { ...item, hiddenReason: null }) as Redacted<T, K>;
}

/**
 * SendChatIntegrationEvent always speaks as the customer: a MESSAGE event's content is what the customer's side of the
 * chat said (forwarded from the inbound bridge, or typed on the Chat events page). Receipts and disconnects carry none.
 */
export const isCustomerChatEvent = (e: { eventType: string }) => e.eventType === "MESSAGE";

/** An inbound message's text; for receipts the stored text is only the id of the message acknowledged. */
export const isCustomerInboundMessage = (m: { type: string }) => m.type === "message";

/** On a contact's page: chat events as above, and messages received but not (yet) forwarded. The start is the console's own. */
export const isCustomerContactEvent = (e: { source: string; type: string }) =>
  (e.source === "chat_event" && e.type === "MESSAGE") || (e.source === "inbound_message" && e.type === "message");
