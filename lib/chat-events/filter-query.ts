// The Chat events list's filters as the page's URL and GET /api/chat-events write them. Without zod, so the list can
// build its query string without loading the schema that checks it (filters.ts).

export const CHAT_EVENT_STATUSES = ["sent", "failed"] as const;
export type ChatEventStatus = (typeof CHAT_EVENT_STATUSES)[number];

export const FILTER_KEYS = ["type", "status", "contactId", "q"] as const;
export type FilterValues = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** The known, non-empty filters in a fixed order, as a query string without "?": the page URL and the API share it. */
export function filterQuery(source: URLSearchParams | FilterValues): string {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = (source instanceof URLSearchParams ? source.get(key) : source[key])?.trim();
    if (value) out.set(key, value);
  }
  return out.toString();
}
