import "server-only";
// A campaign's recipients as CSV, with the table's filters and order: streamed over the keyset iterator, and every
// cell that a spreadsheet would run as a formula neutralised by csvStream.
import { csvStream } from "@/lib/csv/write";
import type { Db } from "@/lib/db/types";
import type { RecipientListFilter } from "./history-list-schemas";
import { iterateRecipientHistory, type RecipientHistoryRow } from "./history-queries";
import { waitingFor } from "./waits";

const HEADER = [
  "line",
  "phone",
  "phone_as_written",
  "name",
  "status",
  "preflight_status",
  "reason",
  "contact_id",
  "attempts",
  "last_error_name",
  "last_error_message",
  "sent_at",
  "delivered_at",
  "read_at",
  "replied_at",
  "opted_out_at",
  // Appended, so the columns before keep their places in sheets built on earlier exports.
  "waiting_for",
  "wait_reason",
  "time_zone",
] as const;

export type RecipientExportFilter = Omit<RecipientListFilter, "cursor" | "limit">;

/** The status a person reads: how sending went, or why the row was never sendable. */
export const displayStatus = (row: Pick<RecipientHistoryRow, "sendStatus" | "preflightStatus">) => row.sendStatus ?? row.preflightStatus;

function toCells(row: RecipientHistoryRow): unknown[] {
  return [
    row.line,
    row.phone,
    row.phoneRaw,
    row.name,
    displayStatus(row),
    row.preflightStatus,
    row.reason,
    row.contactId,
    row.attempts,
    row.lastErrorName,
    row.lastErrorMessage,
    row.sentAt,
    row.deliveredAt,
    row.readAt,
    row.repliedAt,
    row.optedOutAt,
    waitingFor(row),
    waitingFor(row) ? row.waitReason : null,
    row.timeZone,
  ];
}

export function recipientHistoryCsv(db: Db, campaignId: string, filter: RecipientExportFilter): ReadableStream<Uint8Array> {
  return csvStream(HEADER, iterateRecipientHistory(db, campaignId, filter), toCells);
}
