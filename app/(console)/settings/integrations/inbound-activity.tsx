"use client";
// What the integrations received: messages with their forwarding status, and requests refused at the door.
// Filters come from the URL; both lists page with Load more and refresh while the page is open.
import { Inbox, ShieldAlert } from "lucide-react";
import { ListShell } from "@/components/list/list-shell";
import { queryString } from "@/components/list/query-string";
import { useCursorList } from "@/components/list/use-cursor-list";
import { useUrlFilters } from "@/components/list/url-filters";
import type { Page } from "@/lib/inbound/queries";
import { INBOUND_FILTERS, INBOUND_KEY, PAGE_SIZE, REFRESH_MS, type ShownMessage, type ShownRejection } from "./inbound-api";
import { InboundFilters } from "./inbound-filters";
import { MessagesTable } from "./messages-table";
import { RejectionsTable } from "./rejections-table";

export function InboundActivity({ integrations }: { integrations: { id: string; name: string }[] }) {
  const filters = useUrlFilters(INBOUND_FILTERS, { history: "replace" });
  const names = new Map(integrations.map((i) => [i.id, i.name]));
  const messages = useCursorList({
    queryKey: [...INBOUND_KEY, "messages"],
    path: "/api/integrations/messages",
    query: filters.query,
    limit: PAGE_SIZE,
    rows: (page: Page<ShownMessage>) => page.rows,
    refetchInterval: REFRESH_MS,
  });
  // Rejected requests never reached a message status, so only the integration narrows them.
  const rejectionsQuery = queryString(["integration"], filters.strings);
  const rejections = useCursorList({
    queryKey: [...INBOUND_KEY, "rejections"],
    path: "/api/integrations/rejections",
    query: rejectionsQuery,
    limit: PAGE_SIZE,
    rows: (page: Page<ShownRejection>) => page.rows,
    refetchInterval: REFRESH_MS,
  });

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-6">
      <InboundFilters filters={filters} integrations={integrations} />
      <section className="grid gap-3" aria-labelledby="inbound-messages-heading">
        <h2 id="inbound-messages-heading" className="text-lg font-semibold">
          Recent messages
        </h2>
        <ListShell
          list={messages}
          noun={["message", "messages"]}
          order=", newest first"
          filtered={filters.filtered}
          icon={Inbox}
          empty={{ title: "No messages received", body: "Messages appear here as soon as a provider posts them, with whether they reached Amazon Connect." }}
          emptyFiltered={{ title: "No messages match these filters", body: "Choose another integration or status, or clear them." }}
        >
          <MessagesTable rows={messages.items} names={names} />
        </ListShell>
      </section>
      <section className="grid gap-3" aria-labelledby="inbound-rejections-heading">
        <h2 id="inbound-rejections-heading" className="text-lg font-semibold">
          Rejected requests
        </h2>
        <ListShell
          list={rejections}
          noun={["rejected request", "rejected requests"]}
          order=", newest first"
          filtered={rejectionsQuery !== ""}
          icon={ShieldAlert}
          empty={{
            title: "No rejected requests",
            body: "Requests with a bad signature, a stale timestamp or a malformed body are listed here with the reason.",
          }}
          emptyFiltered={{
            title: "No rejected requests",
            body: "None for this integration. Requests with a bad signature, a stale timestamp or a malformed body are listed here with the reason.",
          }}
        >
          <RejectionsTable rows={rejections.items} names={names} />
        </ListShell>
      </section>
    </div>
  );
}
