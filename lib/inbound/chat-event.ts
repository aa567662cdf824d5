// The SendChatIntegrationEvent an inbound message becomes (contract §4, §8.4). Pure.
import type { ChatIntegrationEventInput } from "@/lib/connect/types";
import type { InboundIntegration, InboundMessage } from "@/lib/db/schema";

const RECEIPT_CONTENT_TYPE: Record<string, string> = {
  delivered: "application/vnd.amazonaws.connect.event.message.delivered",
  read: "application/vnd.amazonaws.connect.event.message.read",
};

/** For receipts the stored `text` is the id of the message acknowledged. */
export function chatEventFor(
  integration: Pick<InboundIntegration, "channel" | "destinationArn">,
  m: Pick<InboundMessage, "type" | "fromPhone" | "text">,
): ChatIntegrationEventInput {
  const base = { sourceId: m.fromPhone, destinationId: integration.destinationArn, channel: integration.channel };
  if (m.type === "disconnect") return { ...base, event: { type: "DISCONNECT" } };
  // Used by Connect only when the event starts a new chat: the agent sees the customer's number.
  const newSession = { participantDisplayName: m.fromPhone, supportedMessagingContentTypes: ["text/plain"] };
  const receipt = RECEIPT_CONTENT_TYPE[m.type];
  if (receipt) return { ...base, event: { type: "EVENT", contentType: receipt, content: JSON.stringify({ messageId: m.text ?? "" }) }, newSession };
  return { ...base, event: { type: "MESSAGE", contentType: "text/plain", content: m.text ?? "" }, newSession };
}
