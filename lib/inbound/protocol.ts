// The inbound endpoint's contract with a messaging provider: headers, signing recipe and limits. Plain data, shown on
// the integrations page and enforced by the route.

export const TIMESTAMP_HEADER = "X-Console-Timestamp";
export const SIGNATURE_HEADER = "X-Console-Signature";
/** A request signed further than this from the server's clock is refused, so a captured request cannot be replayed later. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
/** Generous for a 16,384-character message with every character escaped; anything larger is not a chat message. */
export const MAX_BODY_BYTES = 128 * 1024;
/** Connect's limit on a chat event's content (ChatMessage.Content). */
export const MAX_TEXT_CHARS = 16_384;
export const MAX_MESSAGE_ID_CHARS = 128;

export const INBOUND_TYPES = ["message", "delivered", "read", "disconnect"] as const;
export type InboundType = (typeof INBOUND_TYPES)[number];

export const SECRET_PREFIX = "ocin_";

/** The path a provider posts to; the page puts the console's public origin in front. */
export const inboundPath = (integrationId: string) => `/api/inbound/${integrationId}`;
