// An import's numbers, each with the line it is on: a CSV's phone column (or its first), or one number per line.
// Line numbers are the ones an editor shows, so an invalid row can be found and fixed.
import { parseCsv } from "@/lib/recipients/csv-parse";
import { parsePastedRecipients } from "@/lib/recipients/paste-parse";

export interface ImportEntry {
  line: number;
  value: string;
}

/** Header names that mark the column holding the numbers, compared without case, spaces or punctuation. */
const PHONE_HEADERS = new Set(["phone", "number", "mobile", "phonenumber", "mobilenumber", "mobilephone", "telephone", "msisdn", "e164"]);
const headerKey = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The line the CSV parser took as its header: the first one holding more than separators and spaces. */
function firstContentLine(text: string): number {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const index = lines.findIndex((l) => /[^\s,;]/.test(l));
  return index + 1;
}

/** Throws RecipientsInputError (a user-facing message) for a file that is not CSV, e.g. a quote never closed. */
export function csvEntries(text: string): ImportEntry[] {
  const { header, rows } = parseCsv(text);
  const named = header.findIndex((name) => PHONE_HEADERS.has(headerKey(name)));
  const column = Math.max(named, 0);
  const entries = rows.map((row) => ({ line: row.line, value: (row.cells[column] ?? "").trim() }));
  // A file of bare numbers has no header: its first line is a number too. A first line without digits names the columns.
  if (named < 0 && /\d/.test(header[0] ?? "")) entries.unshift({ line: firstContentLine(text), value: header[0]!.trim() });
  return entries;
}

/** Each non-blank line is a number; anything after a tab, `;` or `,` (a name pasted along with it) is ignored. */
export function lineEntries(text: string): ImportEntry[] {
  return parsePastedRecipients(text).rows.map((row) => ({ line: row.line, value: (row.cells[0] ?? "").trim() }));
}
