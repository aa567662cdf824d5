// The API lists at most this many requests at once (lib/approvals/queries.ts APPROVAL_LIST_LIMIT); beyond it the badge says "200+".
export const APPROVAL_LIST_LIMIT_CLIENT = 200;
