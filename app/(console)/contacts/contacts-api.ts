// Browser-side calls to /api/contacts. The filters travel as the page URL's query string, unchanged.
import { fetchJson } from "@/components/fetch-json";
import type { ContactListRow } from "@/lib/contacts/queries";

export const CONTACT_PAGE_SIZE = 50;
export const CONTACT_LIST_KEY = ["contacts", "list"] as const;

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

export function fetchContactPage(query: string, cursor: string | undefined, signal?: AbortSignal): Promise<ContactListPage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(CONTACT_PAGE_SIZE));
  return fetchJson(`/api/contacts?${params}`, signal);
}

export const contactsExportHref = (query: string) => (query ? `/api/contacts.csv?${query}` : "/api/contacts.csv");
