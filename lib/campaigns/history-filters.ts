// The History lists' filters as the page URL and the routes name them: sorts, statuses, the keys each list keeps in
// the URL and the query string built from them. Without zod, so the browser builds the same query strings the routes
// parse (history-list-schemas.ts) without loading the schemas.

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const CAMPAIGN_SORTS = ["created", "name", "launched"] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number];

/** What a row's status filter can ask for: the send status of sendable rows, the preflight status of the others. */
export const RECIPIENT_STATUSES = ["pending", "sending", "sent", "failed", "skipped", "invalid", "duplicate", "suppressed"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const NEVER_SENDABLE: readonly RecipientStatus[] = ["invalid", "duplicate", "suppressed"];

export const RECIPIENT_SORTS = ["line", "sent"] as const;
export type RecipientSort = (typeof RECIPIENT_SORTS)[number];

/** The keys each list keeps in the page URL, in a fixed order so equal filters give equal query strings. */
export const CAMPAIGN_LIST_KEYS = ["q", "status", "channel", "creator", "from", "to", "sort", "dir"] as const;
export const RECIPIENT_LIST_KEYS = ["status", "waiting", "error", "q", "replied", "stage", "sort", "dir"] as const;

/** The non-empty values of `keys`, as a query string without the leading "?". */
export function listQuery(keys: readonly string[], source: URLSearchParams | Partial<Record<string, string>>): string {
  const out = new URLSearchParams();
  for (const key of keys) {
    const value = (source instanceof URLSearchParams ? source.get(key) : source[key])?.trim();
    if (value) out.set(key, value);
  }
  return out.toString();
}
