// The contacts list's filters as typed state in the page URL (named as /api/contacts takes them), its pages and its
// CSV export.
import { parseAsString, parseAsStringLiteral } from "nuqs";
import { withQuery } from "@/components/list/query-string";
import { CONTACT_ORIGINS, CONTACT_STATES } from "@/lib/contacts/list-filters";
import type { ContactListRow } from "@/lib/contacts/queries";

export const CONTACT_PAGE_SIZE = 50;
export const CONTACT_LIST_KEY = ["contacts", "list"] as const;

export const CONTACT_FILTERS = {
  q: parseAsString,
  state: parseAsStringLiteral(CONTACT_STATES),
  channel: parseAsStringLiteral(["sms", "whatsapp"] as const),
  origin: parseAsStringLiteral(CONTACT_ORIGINS),
  campaignId: parseAsString,
  from: parseAsString,
  to: parseAsString,
};

type DateKeys = "createdAt" | "initiatedAt" | "disconnectedAt" | "lastCheckedAt";

/** A contact as the route sends it: dates as ISO strings. */
export type ContactListItem = Omit<ContactListRow, DateKeys> & {
  createdAt: string;
  initiatedAt: string | null;
  disconnectedAt: string | null;
  lastCheckedAt: string | null;
};

export interface ContactListPage {
  contacts: ContactListItem[];
  nextCursor: string | null;
}

export const contactsExportHref = (query: string) => withQuery("/api/contacts.csv", query);
