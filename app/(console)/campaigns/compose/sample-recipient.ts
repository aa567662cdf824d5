// The first recipient of a list the page holds as text, cell by column, for the template preview. Only the start of the
// list is read; an upload is never read in the browser, so it has no sample here.
import { parse } from "csv-parse/sync";
import { detectDelimiter } from "@/lib/recipients/csv-parse";
import { CsvRowReader, csvParseOptions, withoutStackTraces, type CsvRecord } from "@/lib/recipients/csv-rows";
import { PASTE_HEADER, pastedRows } from "@/lib/recipients/paste-parse";

/** Column name → this recipient's cell. */
export type SampleRecipient = Record<string, string>;

// Enough records for the header, lines of bare delimiters a spreadsheet may put first, and the first row.
const CSV_RECORDS = 50;

function byColumn(header: readonly string[], cells: readonly string[]): SampleRecipient {
  const sample: SampleRecipient = {};
  header.forEach((column, i) => {
    if (!Object.hasOwn(sample, column)) sample[column] = cells[i] ?? "";
  });
  return sample;
}

export function firstRecipient(recipients: { format: "paste" | "csv"; text?: string; uploadId?: string }): SampleRecipient | null {
  const text = recipients.text ?? "";
  if ((recipients.format === "csv" && recipients.uploadId) || text.trim() === "") return null;
  try {
    if (recipients.format === "paste") {
      const first = pastedRows(text).next();
      return first.done ? null : byColumn(PASTE_HEADER, first.value.cells);
    }
    const delimiter = detectDelimiter(text);
    const reader = new CsvRowReader(delimiter);
    const records = withoutStackTraces(() => parse(text, { ...csvParseOptions(delimiter), to: CSV_RECORDS }) as unknown as CsvRecord[]);
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
