// Plain words for a chat's items as its transcript shows them. Pure: the contact page's components import it too.

export const EVENT_CONTENT_TYPE = "application/vnd.amazonaws.connect.event.";
export const TYPING_CONTENT_TYPE = `${EVENT_CONTENT_TYPE}typing`;

const ROLE_WORDS: Record<string, string> = {
  CUSTOMER: "Customer",
  AGENT: "Agent",
  SYSTEM: "System",
  CUSTOM_BOT: "Bot",
  SUPERVISOR: "Supervisor",
};

/** Who a participant role is, in words; an unknown role is shown as Connect names it. */
export function roleWord(role: string | null): string {
  if (!role) return "Connect";
  return ROLE_WORDS[role] ?? role.charAt(0) + role.slice(1).toLowerCase().replaceAll("_", " ");
}

/** An item is an event when Connect's content type says so: item types for events vary (EVENT, MESSAGE_READ…). */
export const isEventContentType = (contentType: string | null) => contentType?.startsWith(EVENT_CONTENT_TYPE) ?? false;

/** "Delivered", "Customer left", "Chat ended"…: what an event item says happened. */
export function eventLabel(contentType: string, role: string | null): string {
  const name = contentType.slice(EVENT_CONTENT_TYPE.length);
  const who = roleWord(role);
  const customer = role === "CUSTOMER";
  switch (name) {
    case "participant.joined":
      return `${who} joined`;
    case "participant.left":
      return `${who} left`;
    case "participant.idle":
      return `${who} is idle`;
    case "participant.returned":
      return `${who} returned`;
    case "chat.ended":
      return "Chat ended";
    case "message.delivered":
      return customer ? "Delivered" : `Delivered to ${who.toLowerCase()}`;
    case "message.read":
      return customer ? "Read" : `Read by ${who.toLowerCase()}`;
    case "typing":
      return `${who} is typing`;
    case "connection.acknowledged":
      return `${who} connected`;
    case "transfer.succeeded":
      return "Transfer succeeded";
    case "transfer.failed":
      return "Transfer failed";
    default: {
      const words = name.replaceAll(/[._-]+/g, " ").trim();
      return words ? words.charAt(0).toUpperCase() + words.slice(1) : contentType;
    }
  }
}

/** The console's DISCONNECT event ends the chat as the customer leaving it. */
export const DISCONNECT_LABEL = "Customer left";
