// A chat event as the list route sends it and the page shows it, a MESSAGE's content only for readers of customers'
// texts (see redact.ts). Pure: the client imports the type.
import type { chatEvents } from "@/lib/db/schema";
import { explainChatEventError } from "./explain-error";
import { isCustomerChatEvent, redactCustomerText, type CustomerTextReader } from "@/lib/customer-text/redact";

type Row = typeof chatEvents.$inferSelect;

export function publicChatEvent(row: Row, reader: CustomerTextReader) {
  return redactCustomerText(fields(row), "content", isCustomerChatEvent(row), reader);
}

function fields(row: Row) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    origin: row.origin,
    actorEmail: row.actorEmail,
    instanceId: row.instanceId,
    channel: row.channel,
    customerPhone: row.sourceId,
    destinationPhone: row.destinationPhone,
    eventType: row.eventType,
    contentType: row.contentType,
    content: row.content,
    status: row.status,
    contactId: row.contactId,
    newChatCreated: row.newChatCreated,
    requestId: row.requestId,
    errorName: row.errorName,
    error: row.errorName ? explainChatEventError({ name: row.errorName, message: row.errorMessage ?? "", requestId: row.requestId }) : null,
  };
}

export type PublicChatEvent = ReturnType<typeof publicChatEvent>;
