// CSV as spreadsheets really write it: comma or semicolon (Excel in many European locales), quoted values that hold
// delimiters, doubled quotes and line breaks, any line ending. CsvSliceReader reads the text (csv-parse the lines with
// quotes) and CsvRowReader turns its records into rows. This reads the whole text at once, for small lists and the
// browser; uploads are read in slices (csv-stream.ts).
import { CsvSliceReader } from "./csv-slices";
import type { CsvDelimiter } from "./csv-rows";
import type { RecipientRow, RecipientTable } from "./table";

export type { CsvDelimiter } from "./csv-rows";

export interface CsvParseOptions {
  /** "auto" (the default) picks whichever of `,` and `;` the header line uses more, outside quotes. */
  delimiter?: CsvDelimiter | "auto";
}

/** Characters' worth of csv-parse's time read at a time: its records are held only until their rows are taken. */
const READ_CHARS = 1024 * 1024;

export function parseCsv(text: string, options: CsvParseOptions = {}): RecipientTable {
  const delimiter = options.delimiter && options.delimiter !== "auto" ? options.delimiter : detectDelimiter(text);
  const reader = new CsvSliceReader(text, delimiter);
  const rows: RecipientRow[] = [];
  // Rows are counted as they are read, so a list far too long is refused without all of it in memory.
  while (!reader.done) reader.read(READ_CHARS, Infinity, rows);
  return { header: reader.rows.finish(), rows };
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
