// The contacts list's states and origins, with their labels. Without zod, so the
// list and its filters name them without loading the schemas the routes parse them with (schemas.ts).

export const CONTACT_STATES = ["open", "ended", "unknown"] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

export const CONTACT_ORIGINS = ["campaign", "test_send", "chat_event", "inbound"] as const;
export type ContactOrigin = (typeof CONTACT_ORIGINS)[number];

export const ORIGIN_LABEL: Record<ContactOrigin, string> = {
  campaign: "Campaign",
  test_send: "Test send",
  chat_event: "Chat event",
  inbound: "Inbound",
};

export const STATE_LABEL: Record<ContactState, string> = { open: "Open", ended: "Ended", unknown: "Unknown" };
