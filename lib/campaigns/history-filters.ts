// The History lists' filters as the page URL and the routes name them: sorts and statuses. Without zod, so the browser
// types its URL filters (app/(console)/campaigns) with the same names the routes parse (history-list-schemas.ts)
// without loading the schemas.

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
