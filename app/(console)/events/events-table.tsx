"use client";
// The events the console sent: when, what, between whom, into which chat, and how Connect answered.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CONTENT_TYPE_LABEL } from "@/lib/chat-events/contract";
import type { PublicChatEvent } from "@/lib/chat-events/view";

function Outcome({ e }: { e: PublicChatEvent }) {
  if (e.status === "failed") {
    return (
      <div className="grid gap-1">
        <Badge tone="danger">failed</Badge>
        <p className="max-w-md text-xs text-muted-foreground" title={e.error ?? undefined}>
          {e.error}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap gap-1">
      <Badge tone="success">sent</Badge>
      {e.newChatCreated ? <Badge tone="info">new chat</Badge> : null}
    </div>
  );
}

function EventRow({ e }: { e: PublicChatEvent }) {
  return (
    <TR className="align-top" data-testid={`chat-event-row-${e.id}`} data-status={e.status} data-event-type={e.eventType}>
      <TD className="whitespace-nowrap">
        <DateTime at={e.createdAt} seconds />
        <span className="block text-xs text-muted-foreground">{e.origin === "console" ? e.actorEmail : `inbound · ${e.actorEmail}`}</span>
      </TD>
      <TD>
        <code className="font-mono text-xs">{e.eventType}</code>
        {e.contentType ? <span className="block text-xs text-muted-foreground">{CONTENT_TYPE_LABEL[e.contentType] ?? e.contentType}</span> : null}
        <span className="block text-xs text-muted-foreground">{e.channel === "whatsapp" ? "WhatsApp" : "SMS"}</span>
      </TD>
      <TD className="whitespace-nowrap font-mono text-xs">
        {e.customerPhone}
        <span className="block text-muted-foreground">→ {e.destinationPhone ?? "—"}</span>
      </TD>
      <TD className="max-w-xs break-words text-xs">
        {e.content ??
          (e.hiddenReason ? (
            <span className="italic text-muted-foreground" data-testid="customer-text-hidden">
              {e.hiddenReason}
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          ))}
      </TD>
      <TD className="font-mono text-xs">
        {e.contactId ? (
          <Link href={`/contacts/${encodeURIComponent(e.contactId)}`} className="break-all text-primary hover:underline">
            {e.contactId}
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        )}
      </TD>
      <TD>
        <Outcome e={e} />
      </TD>
    </TR>
  );
}

export function EventsTable({ events }: { events: PublicChatEvent[] }) {
  return (
    <Table data-testid="chat-events-table">
      <caption className="sr-only">Chat events, newest first</caption>
      <THead>
        <tr>
          <TH>Time / by</TH>
          <TH>Event</TH>
          <TH>Customer → number</TH>
          <TH>Content</TH>
          <TH>Contact</TH>
          <TH>Outcome</TH>
        </tr>
      </THead>
      <TBody>
        {events.map((e) => (
          <EventRow key={e.id} e={e} />
        ))}
      </TBody>
    </Table>
  );
}
