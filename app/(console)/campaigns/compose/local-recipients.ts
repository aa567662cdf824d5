// A quick look at the recipients in the browser: enough to offer the columns for mapping and a rough count.
// Pasted lists are small and read here; an uploaded file is never read here: the server counted its rows and read
// its header. The server's preflight is the authority on which rows are valid.
import { parseCsv } from "@/lib/recipients/csv-parse";
import { RecipientsInputError } from "@/lib/recipients/input-error";
import { parsePastedRecipients, PASTE_HEADER } from "@/lib/recipients/paste-parse";
import type { RecipientUploadInfo } from "./upload-file";

export interface LocalRecipients {
  header: string[];
  /** Non-blank rows, header excluded. */
  rows: number;
  /** The first rows' cells, to show under the columns. */
  sample: string[][];
  error: string | null;
}

export function readLocalRecipients(format: "paste" | "csv", text: string): LocalRecipients {
  if (format === "paste") {
    const table = parsePastedRecipients(text);
    return { header: table.header, rows: table.rows.length, sample: firstCells(table.rows), error: null };
  }
  if (text.trim() === "") return { header: [], rows: 0, sample: [], error: null };
  try {
    const table = parseCsv(text);
    return { header: table.header, rows: table.rows.length, sample: firstCells(table.rows), error: null };
  } catch (err) {
    if (err instanceof RecipientsInputError) return { header: [], rows: 0, sample: [], error: err.message };
    throw err;
  }
}

const NOTHING: LocalRecipients = { header: [], rows: 0, sample: [], error: null };
const SAMPLE_ROWS = 3;

function firstCells(rows: readonly { cells: string[] }[]): string[][] {
  return rows.slice(0, SAMPLE_ROWS).map((row) => row.cells);
}

/**
 * The header and row count for the form's recipients: an upload's from the server's answer (`upload`, once it has
 * come for this uploadId), otherwise read from the inline text (pasted lines, or a CSV a draft kept as text).
 */
export function recipientsPreview(
  recipients: { format: "paste" | "csv"; text?: string; uploadId?: string },
  upload: RecipientUploadInfo | null,
): LocalRecipients {
  if (recipients.format === "csv" && recipients.uploadId) {
    return upload?.id === recipients.uploadId ? { header: upload.header, rows: upload.rows, sample: upload.sample ?? [], error: null } : NOTHING;
  }
  return readLocalRecipients(recipients.format, recipients.text ?? "");
}

export const PASTE_COLUMNS: readonly string[] = PASTE_HEADER;
