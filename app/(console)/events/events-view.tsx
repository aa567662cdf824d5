"use client";
// The list of events sent: filters from the URL, events from /api/chat-events a page at a time.
import { MessageSquare } from "lucide-react";
import { ListShell } from "@/components/list/list-shell";
import { useCursorList } from "@/components/list/use-cursor-list";
import { useUrlFilters } from "@/components/list/url-filters";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CHAT_EVENTS_KEY, CHAT_EVENT_FILTERS, PAGE_SIZE, type ChatEventsPage } from "./events-api";
import { EventsFilters } from "./events-filters";
import { EventsTable } from "./events-table";

export function EventsView() {
  const filters = useUrlFilters(CHAT_EVENT_FILTERS, { refresh: CHAT_EVENTS_KEY });
  const list = useCursorList({
    queryKey: CHAT_EVENTS_KEY,
    path: "/api/chat-events",
    query: filters.query,
    limit: PAGE_SIZE,
    rows: (page: ChatEventsPage) => page.events,
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Events sent</CardTitle>
      </CardHeader>
      <CardContent className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
        <EventsFilters key={filters.query} filters={filters} errors={list.fieldErrors} />
        <ListShell
          list={list}
          noun={["event", "events"]}
          order=", newest first"
          statusTestId="chat-events-status"
          filtered={filters.filtered}
          icon={MessageSquare}
          empty={{ title: "No chat events yet", body: "Events sent from this page and messages from inbound integrations appear here." }}
          emptyFiltered={{ title: "No events match these filters", body: "Widen the filters or clear them." }}
          plain
          boxTestId="chat-events-list"
        >
          <EventsTable events={list.items} />
        </ListShell>
      </CardContent>
    </Card>
  );
}
