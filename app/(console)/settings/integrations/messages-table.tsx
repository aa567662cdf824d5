"use client";
// Inbound messages as received, with where each stands: forwarded (to which contact), queued (why, until when), failed.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ShownMessage } from "./inbound-api";

const TONE = { forwarded: "success", queued: "warning", failed: "danger" } as const;

function Outcome({ m }: { m: ShownMessage }) {
  if (m.status === "forwarded") {
    return (
      <span className="font-mono text-xs">
        {m.contactId ?? "no chat"}
        {m.newChatCreated ? <span className="ml-1 font-sans text-muted-foreground">(new chat)</span> : null}
      </span>
    );
  }
  if (!m.lastErrorName) return <span className="text-xs text-muted-foreground">Waiting for an earlier message</span>;
  return (
    <span className="text-xs text-destructive">
      {m.lastErrorName}: {m.lastErrorMessage}
      {m.status === "queued" && m.nextAttemptAt ? (
        <span className="text-muted-foreground">
          {" "}
          — next try <DateTime at={m.nextAttemptAt} relative />
        </span>
      ) : null}
    </span>
  );
}

export function MessagesTable({ rows, names }: { rows: ShownMessage[]; names: Map<string, string> }) {
  return (
    <Table aria-label="Inbound messages" data-testid="inbound-messages">
      <THead>
        <tr>
          <TH>Received</TH>
          <TH>Integration</TH>
          <TH>From</TH>
          <TH>Message</TH>
          <TH>Status</TH>
          <TH className="text-right">Attempts</TH>
          <TH>Contact or error</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((m) => (
          <TR key={m.id} data-testid={`inbound-message-${m.messageId}`} data-status={m.status}>
            <TD className="whitespace-nowrap text-muted-foreground">
              <DateTime at={m.receivedAt} relative />
            </TD>
            <TD>{names.get(m.integrationId) ?? "Deleted"}</TD>
            <TD className="whitespace-nowrap">{m.fromPhone}</TD>
            <TD className="max-w-xs">
              {m.hiddenReason ? (
                <span className="italic text-muted-foreground" data-testid="customer-text-hidden">
                  {m.hiddenReason}
                </span>
              ) : m.type === "message" ? (
                <span className="line-clamp-2 break-words">{m.text}</span>
              ) : (
                <span className="text-muted-foreground">
                  {m.type} {m.text ? `(${m.text})` : ""}
                </span>
              )}
              {m.optOut ? (
                <Badge tone="info" className="ml-1">
                  opt-{m.optOut === "stop" ? "out" : "in"}
                </Badge>
              ) : null}
              {m.campaignId ? (
                <Link href={`/campaigns/${m.campaignId}`} className="ml-1 text-xs text-primary hover:underline">
                  campaign reply
                </Link>
              ) : null}
            </TD>
            <TD>
              <Badge tone={TONE[m.status]}>{m.status}</Badge>
            </TD>
            <TD className="text-right tabular-nums">{m.attempts}</TD>
            <TD className="max-w-sm">
              <Outcome m={m} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
