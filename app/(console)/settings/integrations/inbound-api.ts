// The integrations page's message and rejection lists: their rows as the routes send them, and their filters as typed
// state in the page URL, named as the routes take them.
import { parseAsString, parseAsStringLiteral } from "nuqs";
import type { Redacted } from "@/lib/customer-text/redact";
import type { PublicMessage, PublicRejection } from "@/lib/inbound/queries";
import { INBOUND_STATUSES } from "@/lib/inbound/statuses";

/** A message as the route sends it: its text only for readers of customers' texts. */
export type ShownMessage = Redacted<PublicMessage, "text">;
export type ShownRejection = Redacted<PublicRejection, "bodyExcerpt">;

export const INBOUND_KEY = ["inbound"] as const;
export const PAGE_SIZE = 25;
/** The lists follow forwarding as it happens: queued messages turn forwarded within seconds. */
export const REFRESH_MS = 5_000;

export const INBOUND_FILTERS = { integration: parseAsString, status: parseAsStringLiteral(INBOUND_STATUSES) };
