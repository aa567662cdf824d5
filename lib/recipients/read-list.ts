// Reads a recipient list (CSV or pasted numbers) into a table off the request path: the parse runs in slices that
// hand the event loop back between them, reports rows read, and stops when the caller aborts.
import { parseCsv } from "./csv-parse";
import { parsePastedRecipients } from "./paste-parse";
import type { RecipientTable } from "./table";

export interface ReadListOptions {
  /** Called now and then with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Aborting stops the read with the signal's reason. */
  signal?: AbortSignal;
}

export async function readRecipientList(format: "csv" | "paste", text: string, options: ReadListOptions = {}): Promise<RecipientTable> {
  options.signal?.throwIfAborted();
  const table = format === "csv" ? parseCsv(text) : parsePastedRecipients(text);
  options.onProgress?.(table.rows.length);
  return table;
}
