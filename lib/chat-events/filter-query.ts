// The Chat events list's status filter as the page's URL and GET /api/chat-events write it. Without zod, so the list
// can name it without loading the schema that checks it (filters.ts).

export const CHAT_EVENT_STATUSES = ["sent", "failed"] as const;
export type ChatEventStatus = (typeof CHAT_EVENT_STATUSES)[number];
