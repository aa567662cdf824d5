"use client";
// The contacts list's live part: the filters come from the URL, contacts from /api/contacts a page at a time, and the
// export link carries the same filters.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, Users } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { ApiRequestError } from "@/components/fetch-json";
import { LoadMore } from "@/components/load-more";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { listQuery } from "@/lib/campaigns/history-filters";
import { CONTACT_LIST_KEYS } from "@/lib/contacts/list-filters";
import { CONTACT_LIST_KEY, contactsExportHref, fetchContactPage } from "./contacts-api";
import { ContactFilters } from "./contacts-filters";
import { ContactsTable } from "./contacts-table";

const NO_FIELD_ERRORS: Record<string, string> = {};

export function ContactsView() {
  const params = useSearchParams();
  const query = listQuery(CONTACT_LIST_KEYS, params);
  const filtered = query !== "";
  const list = useInfiniteQuery({
    queryKey: [...CONTACT_LIST_KEY, query],
    queryFn: ({ pageParam, signal }) => fetchContactPage(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A rejected filter or a lost session will not fix itself on a second try.
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failures < 1,
  });

  const error = list.error;
  const fieldErrors = error instanceof ApiRequestError && error.body.code === "invalid" ? (error.body.fields ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS;
  const contacts = list.data?.pages.flatMap((page) => page.contacts) ?? [];
  const campaignName = params.get("campaignId") ? (contacts.find((c) => c.campaignId === params.get("campaignId"))?.campaignName ?? null) : null;
  const status = list.isPending
    ? "Loading contacts…"
    : `Showing ${contacts.length.toLocaleString("en-US")} ${contacts.length === 1 ? "contact" : "contacts"}${list.hasNextPage ? "; more are available" : ""}`;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <ContactFilters key={query} query={query} errors={fieldErrors} campaignName={campaignName} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="contacts-status">
          {error && !list.data ? "" : status}
        </p>
        <Button asChild variant="outline" size="sm">
          <a href={contactsExportHref(query)} download data-testid="contacts-export">
            <Download className="size-4" aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {list.data && contacts.length === 0 ? (
        <div data-testid="contacts-empty">
          {filtered ? (
            <EmptyState icon={Users} title="No contacts match these filters">
              Widen the filters or clear them to see every contact.
            </EmptyState>
          ) : (
            <EmptyState icon={Users} title="No contacts yet">
              Contacts created by campaign sends, test sends, chat events and inbound messages appear here.
            </EmptyState>
          )}
        </div>
      ) : null}
      {contacts.length > 0 ? (
        <div className="rounded-lg border border-border bg-card">
          <ContactsTable contacts={contacts} />
        </div>
      ) : null}
      <LoadMore list={list} />
    </div>
  );
}
