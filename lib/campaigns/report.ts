import "server-only";
import { csvStream } from "@/lib/csv/write";
import type { Db } from "@/lib/db/types";
import { iterateRecipients } from "./queries";

const HEADER = ["line", "status", "phone_as_written", "e164", "name", "reason", "duplicate_of_line", "send_status", "contact_id"];

export function recipientReportStream(db: Db, campaignId: string) {
  return csvStream(HEADER, iterateRecipients(db, campaignId), (r) => [
    r.line,
    r.preflightStatus,
    r.phoneRaw,
    r.phone,
    r.name,
    r.reason,
    r.duplicateOfLine,
    r.sendStatus,
    r.contactId,
  ]);
}
