"use client";
// The recipients of one campaign as a table: who, what happened (or what a row waits for), the contact Connect created,
// and the last error.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { utcWords } from "@/components/ui/date-time-words";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { outcomeUnknown } from "@/lib/campaigns/send-outcome";
import { recipientRowState } from "./recipient-state";
import type { RecipientItem } from "./recipients-api";

function Status({ row }: { row: RecipientItem }) {
  const state = recipientRowState(row);
  return (
    <span className="grid gap-0.5">
      <Badge tone={state.tone} className="w-fit" data-testid="recipient-status" data-waiting-for={state.waitingFor ?? undefined}>
        {state.label}
      </Badge>
      {state.detail ? (
        <span className="text-xs text-muted-foreground" data-testid={state.waitingFor ? "recipient-wait-reason" : undefined}>
          {state.detail}
        </span>
      ) : null}
      {outcomeUnknown(row) ? (
        <span className="text-xs text-muted-foreground" data-testid="recipient-outcome-unknown">
          Outcome unknown: Connect may have started this chat. Retry failed asks with the same ClientToken and gets it back.
        </span>
      ) : null}
      {row.repliedAt ? (
        <Badge tone="info" className="w-fit" data-testid="recipient-replied" title={`First reply ${utcWords(new Date(row.repliedAt))}`}>
          Replied{row.replyCount > 1 ? ` ×${row.replyCount}` : ""}
        </Badge>
      ) : null}
    </span>
  );
}

export function RecipientRows({ rows }: { rows: RecipientItem[] }) {
  return (
    <Table aria-label="Recipients">
      <THead>
        <tr>
          <TH className="text-right">Line</TH>
          <TH>Phone</TH>
          <TH>Name</TH>
          <TH>Status</TH>
          <TH>ContactId</TH>
          <TH className="text-right">Attempts</TH>
          <TH>Last error</TH>
          <TH>Sent at</TH>
          <TH>Delivered</TH>
          <TH>Read</TH>
          <TH>Replied</TH>
          <TH>Opted out</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id} className="align-top">
            <TD className="text-right tabular-nums text-muted-foreground">{r.line}</TD>
            <TD className="whitespace-nowrap">
              <span className="block font-mono text-xs" data-testid="recipient-phone">
                {r.phone ?? "—"}
              </span>
              {r.phoneRaw !== r.phone ? <span className="block text-xs text-muted-foreground">as written: {r.phoneRaw}</span> : null}
              {/* Under the number rather than a column of its own: the table stays as wide as it was. */}
              {r.timeZone ? (
                <span
                  className="block max-w-44 truncate text-xs text-muted-foreground"
                  title={`Time zone from the list: ${r.timeZone}`}
                  data-testid="recipient-time-zone"
                >
                  TZ {r.timeZone}
                </span>
              ) : null}
            </TD>
            <TD className="max-w-48 truncate" title={r.name ?? undefined}>
              {r.name ?? <span className="text-muted-foreground">—</span>}
            </TD>
            <TD>
              <Status row={r} />
            </TD>
            <TD className="max-w-40 truncate font-mono text-xs" title={r.contactId ?? undefined}>
              {r.contactId ? (
                <Link href={`/contacts/${encodeURIComponent(r.contactId)}`} className="text-primary hover:underline" data-testid="recipient-contact-link">
                  {r.contactId}
                </Link>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TD>
            <TD className="text-right tabular-nums">{r.attempts}</TD>
            <TD className="max-w-64 text-xs">
              {r.lastErrorName ? (
                <span title={r.lastErrorMessage ?? undefined}>
                  <code className="font-mono">{r.lastErrorName}</code>
                  {r.lastErrorMessage ? <span className="block truncate text-muted-foreground">{r.lastErrorMessage}</span> : null}
                </span>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TD>
            <TD className="whitespace-nowrap text-xs">
              <DateTime seconds at={r.sentAt} />
            </TD>
            {/* A read receipt without a delivered one still means delivered; the read time stands in for it. */}
            <TD className="whitespace-nowrap text-xs" data-testid="recipient-delivered-at">
              <DateTime seconds at={r.deliveredAt ?? r.readAt} />
            </TD>
            <TD className="whitespace-nowrap text-xs" data-testid="recipient-read-at">
              <DateTime seconds at={r.readAt} />
            </TD>
            <TD className="whitespace-nowrap text-xs" data-testid="recipient-replied-at">
              <DateTime seconds at={r.repliedAt} />
            </TD>
            <TD className="whitespace-nowrap text-xs" data-testid="recipient-opted-out-at">
              <DateTime seconds at={r.optedOutAt} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
