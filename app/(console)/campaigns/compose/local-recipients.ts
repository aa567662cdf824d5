// A quick look at the recipients in the browser: enough to offer the columns for mapping, a rough count and a first
// recipient for the template preview. Pasted lists are small and read here; a CSV kept as text needs the CSV reader,
// loaded on demand (csv-reader.ts); an uploaded file is never read here: the server counted its rows and read its
// header. The server's preflight is the authority on which rows are valid.
import { parsePastedRecipients, PASTE_HEADER } from "@/lib/recipients/paste-parse";
import { byColumn, firstPastedRecipient, type SampleRecipient } from "./sample-recipient";
import type { RecipientUploadInfo } from "./upload-file";

export interface LocalRecipients {
  header: string[];
  /** Non-blank rows, header excluded. */
  rows: number;
  /** The first rows' cells, to show under the columns. */
  sample: string[][];
  error: string | null;
}

export interface RecipientsGlance {
  local: LocalRecipients;
  /** The first recipient by column, for the template preview; null when there is none to show. */
  first: SampleRecipient | null;
}

/** What csv-reader.ts provides. */
export interface CsvReader {
  read: (text: string) => LocalRecipients;
  first: (text: string) => SampleRecipient | null;
}

type Recipients = { format: "paste" | "csv"; text?: string; uploadId?: string };

const NOTHING: LocalRecipients = { header: [], rows: 0, sample: [], error: null };
const SAMPLE_ROWS = 3;

export function firstCells(rows: readonly { cells: string[] }[]): string[][] {
  return rows.slice(0, SAMPLE_ROWS).map((row) => row.cells);
}

/** Whether reading these recipients needs the CSV reader: a CSV held as text rather than uploaded. */
export function needsCsvReader(recipients: Recipients): boolean {
  return recipients.format === "csv" && !recipients.uploadId && (recipients.text ?? "").trim() !== "";
}

/**
 * The header, row count and first recipient for the form's recipients: an upload's from the server's answer (`upload`,
 * once it has come for this uploadId), otherwise read from the inline text. Null when the list is a CSV held as text
 * and the CSV reader is not loaded yet.
 */
export function glanceAtRecipients(recipients: Recipients, upload: RecipientUploadInfo | null, csv: CsvReader | null): RecipientsGlance | null {
  const text = recipients.text ?? "";
  if (recipients.format === "csv" && recipients.uploadId) {
    if (upload?.id !== recipients.uploadId) return { local: NOTHING, first: null };
    const sample = upload.sample ?? [];
    return { local: { header: upload.header, rows: upload.rows, sample, error: null }, first: sample[0] ? byColumn(upload.header, sample[0]) : null };
  }
  if (recipients.format === "paste") {
    const table = parsePastedRecipients(text);
    return { local: { header: table.header, rows: table.rows.length, sample: firstCells(table.rows), error: null }, first: firstPastedRecipient(text) };
  }
  if (text.trim() === "") return { local: NOTHING, first: null };
  return csv ? { local: csv.read(text), first: csv.first(text) } : null;
}

export const PASTE_COLUMNS: readonly string[] = PASTE_HEADER;
