// A quick read of the recipients in the browser: enough to offer the columns for mapping and a rough count.
// The server's preflight is the authority on which rows are valid.
import { parseCsv } from "@/lib/recipients/csv-parse";
import { RecipientsInputError } from "@/lib/recipients/input-error";
import { parsePastedRecipients, PASTE_HEADER } from "@/lib/recipients/paste-parse";

export interface LocalRecipients {
  header: string[];
  /** Non-blank rows, header excluded. */
  rows: number;
  error: string | null;
}

export function readLocalRecipients(format: "paste" | "csv", text: string): LocalRecipients {
  if (format === "paste") {
    const table = parsePastedRecipients(text);
    return { header: table.header, rows: table.rows.length, error: null };
  }
  if (text.trim() === "") return { header: [], rows: 0, error: null };
  try {
    const table = parseCsv(text);
    return { header: table.header, rows: table.rows.length, error: null };
  } catch (err) {
    if (err instanceof RecipientsInputError) return { header: [], rows: 0, error: err.message };
    throw err;
  }
}

export const PASTE_COLUMNS: readonly string[] = PASTE_HEADER;
