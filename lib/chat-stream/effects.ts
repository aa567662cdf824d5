// What a streamed chat item means for the console's records. Pure. Only the customer's side counts: an agent's read
// receipt or an agent leaving says nothing about the customer, and only chat.ended or the customer leaving ends an
// SMS or WhatsApp chat (the customer is its one lasting participant).
import type { StreamedItem } from "./notification";

export type ItemEffect = "delivered" | "read" | "ended" | "reply";

const EVENT = "application/vnd.amazonaws.connect.event.";

export function effectOf(item: Pick<StreamedItem, "type" | "contentType" | "participantRole">): ItemEffect | null {
  const customer = item.participantRole === "CUSTOMER";
  if (item.type === "MESSAGE") return customer ? "reply" : null;
  // Events are told apart by content type: Connect's item types for them (EVENT, or MESSAGE_READ and the like in
  // transcripts) vary where the content type does not.
  switch (item.contentType) {
    case `${EVENT}message.delivered`:
      return customer ? "delivered" : null;
    case `${EVENT}message.read`:
      return customer ? "read" : null;
    case `${EVENT}participant.left`:
      return customer ? "ended" : null;
    case `${EVENT}chat.ended`:
      return "ended";
    default:
      return null;
  }
}

/** The text a keyword is read from: only plain and markdown text (an attachment's or a form's JSON is no keyword). */
export function replyText(item: Pick<StreamedItem, "contentType" | "content">): string | null {
  return item.contentType.startsWith("text/") ? item.content : null;
}
