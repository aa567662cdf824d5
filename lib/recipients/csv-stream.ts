// An uploaded CSV read in slices with csv-parse's streaming parser, for lists too long to parse in one go: the parser
// carries quotes, line endings and everything else across the ends of slices, and CsvRowReader numbers the lines, so the
// rows come out exactly as parseCsv gives them for the whole text.
import { once } from "node:events";
import { parse } from "csv-parse";
import { detectDelimiter } from "./csv-parse";
import { csvParseOptions, CsvRowReader, withoutStackTraces, type CsvRecord } from "./csv-rows";
import type { RecipientRow } from "./table";

export interface CsvRowChunk {
  header: string[];
  rows: RecipientRow[];
}

/** Characters handed to the parser at a time: a few milliseconds of parsing, so no slice holds the event loop for long. */
export const CSV_SLICE_CHARS = 64 * 1024;
/** The first slices are smaller: until the JIT has compiled the parser, a full slice would take many times longer. */
const FIRST_SLICE_CHARS = 2 * 1024;

/** The rows of each slice that has any, then a last chunk (perhaps without rows) once the text is read. */
export async function* csvRowChunks(text: string, sliceChars = CSV_SLICE_CHARS): AsyncGenerator<CsvRowChunk> {
  const reader = new CsvRowReader(detectDelimiter(text));
  const parser = parse(csvParseOptions(reader.delimiter));
  // Errors are read from parser.errored after each write; without a listener an 'error' event would end the process.
  parser.on("error", () => {});
  let rows: RecipientRow[] = [];
  const drain = () => {
    let record: CsvRecord | null;
    while ((record = parser.read() as CsvRecord | null) !== null) {
      const row = reader.take(record);
      if (row !== undefined) rows.push(row);
    }
    if (parser.errored) throw reader.explain(parser.errored);
  };
  try {
    let size = Math.min(FIRST_SLICE_CHARS, sliceChars);
    for (let from = 0; from < text.length; size = Math.min(size * 2, sliceChars)) {
      const to = sliceEnd(text, from, size);
      // The parser parses a write at once, so the slice's records are ready as soon as write returns.
      withoutStackTraces(() => parser.write(text.slice(from, to)));
      drain();
      from = to;
      if (rows.length > 0) {
        yield { header: reader.header!, rows };
        rows = [];
      }
    }
    withoutStackTraces(() => parser.end());
    drain();
    // Whatever the end of the text still held arrives before 'end'.
    while (!parser.readableEnded) {
      try {
        await Promise.race([once(parser, "readable"), once(parser, "end")]);
      } catch (error) {
        throw reader.explain(error);
      }
      drain();
    }
    yield { header: reader.finish(), rows };
  } finally {
    parser.destroy();
  }
}

/** Slices end between characters, never inside a surrogate pair, which the parser's UTF-8 encoding would garble. */
function sliceEnd(text: string, from: number, sliceChars: number): number {
  let to = Math.min(from + sliceChars, text.length);
  const last = text.charCodeAt(to - 1);
  if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++;
  return to;
}
