// Reading a CSV the page holds as text (a draft that kept its list inline): the header, row count and first rows for
// the mapping, and the first recipient for the template preview. It brings csv-parse and the Buffer it needs (about
// 14 kB gzipped), so the composer loads this module only when such a list is there (use-recipients-glance.ts).
import { parse } from "csv-parse/sync";
import { detectDelimiter, parseCsv } from "@/lib/recipients/csv-parse";
import { CsvRowReader, csvParseOptions, withoutStackTraces, type CsvRecord } from "@/lib/recipients/csv-rows";
import { RecipientsInputError } from "@/lib/recipients/input-error";
import { firstCells, type CsvReader, type LocalRecipients } from "./local-recipients";
import { byColumn, type SampleRecipient } from "./sample-recipient";

// Enough records for the header, lines of bare delimiters a spreadsheet may put first, and the first row.
const FIRST_RECORDS = 50;

export function readCsvRecipients(text: string): LocalRecipients {
  try {
    const table = parseCsv(text);
    return { header: table.header, rows: table.rows.length, sample: firstCells(table.rows), error: null };
  } catch (err) {
    if (err instanceof RecipientsInputError) return { header: [], rows: 0, sample: [], error: err.message };
    throw err;
  }
}

/** Only the start of the list is read, so a problem further down does not hide the preview. */
export function firstCsvRecipient(text: string): SampleRecipient | null {
  try {
    const delimiter = detectDelimiter(text);
    const reader = new CsvRowReader(delimiter);
    const records = withoutStackTraces(() => parse(text, { ...csvParseOptions(delimiter), to: FIRST_RECORDS }) as unknown as CsvRecord[]);
    for (const record of records) {
      const row = reader.take(record);
      if (row !== undefined) return byColumn(reader.header ?? [], row.cells);
    }
    return null;
  } catch {
    // A list that cannot be read is explained by the recipients section and the check; the preview goes without.
    return null;
  }
}

export const csvReader: CsvReader = { read: readCsvRecipients, first: firstCsvRecipient };
