import "server-only";
// The contact history as CSV, with the list's filters and order: streamed over the keyset iterator, and every cell a
// spreadsheet would run as a formula neutralised by csvStream.
import { csvStream } from "@/lib/csv/write";
import type { Db } from "@/lib/db/types";
import { iterateContacts, type ContactListRow } from "./queries";
import type { ContactExportFilter } from "./schemas";

const HEADER = [
  "contact_id",
  "instance_id",
  "channel",
  "customer_phone",
  "source_phone",
  "source_phone_number_arn",
  "origin",
  "campaign_id",
  "campaign_name",
  "recipient_id",
  "created_by",
  "created_at",
  "state",
  "initiation_method",
  "initiated_at",
  "disconnected_at",
  "disconnect_reason",
  "last_checked_at",
  "check_error",
] as const;

function toCells(c: ContactListRow): unknown[] {
  return [
    c.contactId,
    c.instanceId,
    c.channel,
    c.customerPhone,
    c.sourcePhone,
    c.sourcePhoneNumberArn,
    c.origin,
    c.campaignId,
    c.campaignName,
    c.recipientId,
    c.createdBy,
    c.createdAt,
    c.state,
    c.initiationMethod,
    c.initiatedAt,
    c.disconnectedAt,
    c.disconnectReason,
    c.lastCheckedAt,
    c.checkError,
  ];
}

export function contactsCsv(db: Db, filter: ContactExportFilter): ReadableStream<Uint8Array> {
  return csvStream(HEADER, iterateContacts(db, filter), toCells);
}
