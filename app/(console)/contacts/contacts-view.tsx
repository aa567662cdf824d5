"use client";
// The contacts list's live part: the filters come from the URL, contacts from /api/contacts a page at a time, and the
// export link carries the same filters.
import { Download, Users } from "lucide-react";
import { ListShell } from "@/components/list/list-shell";
import { useCursorList } from "@/components/list/use-cursor-list";
import { useUrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { CONTACT_FILTERS, CONTACT_LIST_KEY, CONTACT_PAGE_SIZE, contactsExportHref, type ContactListPage } from "./contacts-api";
import { ContactFilters } from "./contacts-filters";
import { ContactsTable } from "./contacts-table";

export function ContactsView() {
  const filters = useUrlFilters(CONTACT_FILTERS, { refresh: CONTACT_LIST_KEY });
  const list = useCursorList({
    queryKey: CONTACT_LIST_KEY,
    path: "/api/contacts",
    query: filters.query,
    limit: CONTACT_PAGE_SIZE,
    rows: (page: ContactListPage) => page.contacts,
  });
  const campaignId = filters.values.campaignId;
  const campaignName = campaignId ? (list.items.find((c) => c.campaignId === campaignId)?.campaignName ?? null) : null;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <ContactFilters key={filters.query} filters={filters} errors={list.fieldErrors} campaignName={campaignName} />
      <ListShell
        list={list}
        noun={["contact", "contacts"]}
        statusTestId="contacts-status"
        statusAside={
          <Button asChild variant="outline" size="sm">
            <a href={contactsExportHref(filters.query)} download data-testid="contacts-export">
              <Download className="size-4" aria-hidden />
              Export CSV
            </a>
          </Button>
        }
        filtered={filters.filtered}
        icon={Users}
        empty={{ title: "No contacts yet", body: "Contacts created by campaign sends, test sends, chat events and inbound messages appear here." }}
        emptyFiltered={{ title: "No contacts match these filters", body: "Widen the filters or clear them to see every contact." }}
        emptyTestId="contacts-empty"
      >
        <ContactsTable contacts={list.items} />
      </ListShell>
    </div>
  );
}
