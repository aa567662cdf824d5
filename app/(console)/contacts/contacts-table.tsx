"use client";
// The contacts as a table: the chat, who it was with, through which number, why it exists, and how it stands.
import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DateTime } from "@/components/ui/date-time";
import { ContactOriginText, ContactStateBadge } from "./contact-badges";
import type { ContactListItem } from "./contacts-api";

function State({ c }: { c: ContactListItem }) {
  return (
    <span className="grid gap-0.5">
      <ContactStateBadge state={c.state} />
      {c.lastCheckedAt ? (
        <span className="text-xs text-muted-foreground">
          checked <DateTime at={c.lastCheckedAt} relative />
        </span>
      ) : null}
      {c.checkError ? (
        <span className="max-w-48 truncate text-xs text-destructive" title={c.checkError}>
          {c.checkError}
        </span>
      ) : null}
    </span>
  );
}

export function ContactsTable({ contacts }: { contacts: ContactListItem[] }) {
  return (
    <Table aria-label="Contacts" data-testid="contacts-table">
      <THead>
        <tr>
          <TH>ContactId</TH>
          <TH>Channel</TH>
          <TH>Customer number</TH>
          <TH>Source number</TH>
          <TH>Campaign or origin</TH>
          <TH>Created at</TH>
          <TH>State</TH>
        </tr>
      </THead>
      <TBody>
        {contacts.map((c) => (
          <TR key={c.contactId} className="align-top" data-testid={`contact-row-${c.contactId}`}>
            <TD className="max-w-56 truncate font-mono text-xs">
              <Link href={`/contacts/${encodeURIComponent(c.contactId)}`} className="text-primary hover:underline" title={c.contactId}>
                {c.contactId}
              </Link>
            </TD>
            <TD>{c.channel === "sms" ? "SMS" : "WhatsApp"}</TD>
            <TD className="whitespace-nowrap font-mono text-xs">{c.customerPhone}</TD>
            <TD className="whitespace-nowrap font-mono text-xs" title={c.sourcePhoneNumberArn ?? undefined}>
              {c.sourcePhone ?? <span className="text-muted-foreground">—</span>}
            </TD>
            <TD>
              <ContactOriginText origin={c.origin} campaignId={c.campaignId} campaignName={c.campaignName} />
            </TD>
            <TD className="whitespace-nowrap text-muted-foreground">
              <DateTime at={c.createdAt} />
            </TD>
            <TD>
              <State c={c} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
