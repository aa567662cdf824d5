"use client";
// The list of events sent: filters from the URL, events from /api/chat-events a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import { MessageSquare } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { ApiRequestError } from "@/components/fetch-json";
import { EmptyState } from "@/components/empty-state";
import { LoadMore } from "@/components/load-more";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { filterQuery } from "@/lib/chat-events/filter-query";
import { CHAT_EVENTS_KEY, fetchChatEventsPage } from "./events-api";
import { EventsFilters } from "./events-filters";
import { EventsTable } from "./events-table";

const NO_FIELD_ERRORS: Record<string, string> = {};

export function EventsView() {
  const query = filterQuery(useSearchParams());
  const list = useInfiniteQuery({
    queryKey: [...CHAT_EVENTS_KEY, query],
    queryFn: ({ pageParam, signal }) => fetchChatEventsPage(query, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A rejected filter or a lost session will not fix itself on a second try.
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && failures < 1,
  });

  const error = list.error;
  const fieldErrors = error instanceof ApiRequestError && error.body.code === "invalid" ? (error.body.fields ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS;
  const events = list.data?.pages.flatMap((page) => page.events) ?? [];
  const status = list.isPending
    ? "Loading events…"
    : `Showing ${events.length} ${events.length === 1 ? "event" : "events"}${list.hasNextPage ? ", newest first; more are available" : ""}`;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Events sent</CardTitle>
      </CardHeader>
      <CardContent className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
        <EventsFilters key={query} query={query} errors={fieldErrors} />
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="chat-events-status">
          {error && !list.data ? "" : status}
        </p>
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {list.data && events.length === 0 ? (
          <EmptyState icon={MessageSquare} title={query ? "No events match these filters" : "No chat events yet"}>
            {query ? "Widen the filters or clear them." : "Events sent from this page and messages from inbound integrations appear here."}
          </EmptyState>
        ) : null}
        {events.length > 0 ? (
          <div className="rounded-lg border border-border" data-testid="chat-events-list">
            <EventsTable events={events} />
          </div>
        ) : null}
        <LoadMore list={list} />
      </CardContent>
    </Card>
  );
}
