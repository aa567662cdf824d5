// What SendChatIntegrationEvent takes from the Chat events page (contract §7 ChatEvent, §8.4): event types, content
// types and limits. Without zod, so the page's form and list can name them without loading the schemas (schemas.ts).

export const CHAT_EVENT_TYPES = ["MESSAGE", "EVENT", "DISCONNECT"] as const;
export type ChatEventType = (typeof CHAT_EVENT_TYPES)[number];

const TYPING = "application/vnd.amazonaws.connect.event.typing";
const ACKNOWLEDGED = "application/vnd.amazonaws.connect.event.connection.acknowledged";
const DELIVERED = "application/vnd.amazonaws.connect.event.message.delivered";
const READ = "application/vnd.amazonaws.connect.event.message.read";

// Connect also documents text/markdown, JSON and interactive responses for MESSAGE, but SMS and WhatsApp chats (the only
// subtypes this operation serves) carry plain text only.
export const MESSAGE_CONTENT_TYPES = ["text/plain"] as const;
export const EVENT_CONTENT_TYPES = [TYPING, DELIVERED, READ, ACKNOWLEDGED] as const;
/** Read and delivered receipts name the message they acknowledge, so they need content. */
export const RECEIPT_CONTENT_TYPES: readonly string[] = [DELIVERED, READ];

export const CONTENT_TYPES_BY_EVENT: Record<ChatEventType, readonly string[]> = {
  MESSAGE: MESSAGE_CONTENT_TYPES,
  EVENT: EVENT_CONTENT_TYPES,
  DISCONNECT: [],
};

export const CONTENT_TYPE_LABEL: Record<string, string> = {
  "text/plain": "text/plain",
  [TYPING]: "Typing",
  [DELIVERED]: "Message delivered",
  [READ]: "Message read",
  [ACKNOWLEDGED]: "Connection acknowledged (no longer maintained by AWS)",
};

export const SUPPORTED_MESSAGING_CONTENT_TYPES = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive",
  "application/vnd.amazonaws.connect.message.interactive.response",
] as const;

/** SendMessage's limit for text/plain; Connect's model allows 16,384 for any chat content. */
export const MESSAGE_TEXT_MAX = 1024;
export const CHAT_CONTENT_MAX = 16_384;
export const ATTRIBUTES_MAX_BYTES = 32_768;
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
