// CSV as spreadsheets really write it: comma or semicolon (Excel in many European locales), quoted values that hold
// delimiters, doubled quotes and line breaks, any line ending. csv-parse reads the text; CsvRowReader turns its records
// into rows. This reads the whole text at once, for small lists and the browser; uploads are read in slices (csv-stream.ts).
import { parse } from "csv-parse/sync";
import { csvParseOptions, CsvRowReader, isCsvError, withoutStackTraces, type CsvDelimiter, type CsvRecord } from "./csv-rows";
import { MAX_RECIPIENT_ROWS } from "./limits";
import type { RecipientRow, RecipientTable } from "./table";

export type { CsvDelimiter } from "./csv-rows";

export interface CsvParseOptions {
  /** "auto" (the default) picks whichever of `,` and `;` the header line uses more, outside quotes. */
  delimiter?: CsvDelimiter | "auto";
}

export function parseCsv(text: string, options: CsvParseOptions = {}): RecipientTable {
  const delimiter = options.delimiter && options.delimiter !== "auto" ? options.delimiter : detectDelimiter(text);
  // csv-parse stops soon after the limit, so a list far too long is refused without all of it in memory. Lines of bare
  // delimiters are records too; should there be so many that the cap comes before the limit is passed, read it all.
  return readTable(text, delimiter, MAX_RECIPIENT_ROWS + PADDING_RECORDS) ?? readTable(text, delimiter, undefined)!;
}

/** Header, rows past the limit, and lines of bare delimiters (spreadsheets pad exports with them) the cap allows for. */
const PADDING_RECORDS = 10_000;

/** The table, or undefined when `cap` records were read without passing the row limit. */
function readTable(text: string, delimiter: CsvDelimiter, cap: number | undefined): RecipientTable | undefined {
  const reader = new CsvRowReader(delimiter);
  const records = readRecords(text, delimiter, cap);
  const rows: RecipientRow[] = [];
  for (const record of records) {
    const row = reader.take(record);
    if (row !== undefined) rows.push(row);
  }
  if (cap !== undefined && records.length >= cap) return undefined;
  return { header: reader.finish(), rows };
}

function readRecords(text: string, delimiter: CsvDelimiter, to: number | undefined): CsvRecord[] {
  try {
    // With `raw: true` csv-parse returns { record, raw } objects; its types do not follow that option.
    return withoutStackTraces(() => parse(text, { ...csvParseOptions(delimiter), to }) as unknown as CsvRecord[]);
  } catch (error) {
    throw explainAt(text, delimiter, error);
  }
}

/** The sync parser throws away the records it read before the error; reading them again tells the line it is on. */
function explainAt(text: string, delimiter: CsvDelimiter, error: unknown): unknown {
  if (!isCsvError(error)) return error;
  const reader = new CsvRowReader(delimiter);
  const before = typeof error.records === "number" ? error.records : 0;
  if (before > 0) {
    for (const record of withoutStackTraces(() => parse(text, { ...csvParseOptions(delimiter), to: before }) as unknown as CsvRecord[])) {
      try {
        reader.take(record);
      } catch {
        // Only the line count matters here; the header and row limit had their say on the first read.
      }
    }
  }
  return reader.explain(error);
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

/** The delimiter the first non-empty line uses more, counted outside quotes; comma when it uses neither. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === LF || c === CR) {
      if (seenContent) break;
      continue;
    } else if (c === 0x2c) commas++;
    else if (c === 0x3b) semicolons++;
    if (c !== SPACE && c !== TAB && c !== BOM) seenContent = true;
  }
  return semicolons > commas ? ";" : ",";
}
