"use client";
// What the integrations received: messages with their forwarding status, and requests refused at the door.
// Filters come from the URL; both lists page with Load more and refresh while the page is open.
import { useInfiniteQuery } from "@tanstack/react-query";
import { Inbox, ShieldAlert } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { LoadMore } from "@/components/load-more";
import { Alert } from "@/components/ui/alert";
import { INBOUND_KEY, REFRESH_MS, fetchMessages, fetchRejections } from "./inbound-api";
import { InboundFilters, useInboundFilter } from "./inbound-filters";
import { MessagesTable } from "./messages-table";
import { RejectionsTable } from "./rejections-table";

export function InboundActivity({ integrations }: { integrations: { id: string; name: string }[] }) {
  const filter = useInboundFilter();
  const names = new Map(integrations.map((i) => [i.id, i.name]));
  const messages = useInfiniteQuery({
    queryKey: [...INBOUND_KEY, "messages", filter.integration, filter.status],
    queryFn: ({ pageParam, signal }) => fetchMessages(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
  const rejections = useInfiniteQuery({
    queryKey: [...INBOUND_KEY, "rejections", filter.integration],
    queryFn: ({ pageParam, signal }) => fetchRejections(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
  const messageRows = messages.data?.pages.flatMap((p) => p.rows) ?? [];
  const rejectionRows = rejections.data?.pages.flatMap((p) => p.rows) ?? [];

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-6">
      <InboundFilters integrations={integrations} />
      <section className="grid gap-3" aria-labelledby="inbound-messages-heading">
        <h2 id="inbound-messages-heading" className="text-lg font-semibold">
          Recent messages
        </h2>
        {messages.error ? <Alert tone="error">{messages.error.message}</Alert> : null}
        {messages.data && messageRows.length === 0 ? (
          <EmptyState icon={Inbox} title="No messages received">
            Messages appear here as soon as a provider posts them, with whether they reached Amazon Connect.
          </EmptyState>
        ) : null}
        {messageRows.length > 0 ? (
          <div className="rounded-lg border border-border bg-card">
            <MessagesTable rows={messageRows} names={names} />
          </div>
        ) : null}
        <LoadMore list={messages} />
      </section>
      <section className="grid gap-3" aria-labelledby="inbound-rejections-heading">
        <h2 id="inbound-rejections-heading" className="text-lg font-semibold">
          Rejected requests
        </h2>
        {rejections.error ? <Alert tone="error">{rejections.error.message}</Alert> : null}
        {rejections.data && rejectionRows.length === 0 ? (
          <EmptyState icon={ShieldAlert} title="No rejected requests">
            Requests with a bad signature, a stale timestamp or a malformed body are listed here with the reason.
          </EmptyState>
        ) : null}
        {rejectionRows.length > 0 ? (
          <div className="rounded-lg border border-border bg-card">
            <RejectionsTable rows={rejectionRows} names={names} />
          </div>
        ) : null}
        <LoadMore list={rejections} />
      </section>
    </div>
  );
}
