// An uploaded CSV read in slices, for lists too long to parse in one go: each slice is a few milliseconds of work, so the
// event loop keeps answering other requests. CsvSliceReader reads whole records; a record with quotes too long for one
// slice (or a quote never closed) goes to csv-parse's streaming parser, which carries quotes, line endings and everything
// else across the ends of slices. Rows come out exactly as parseCsv gives them for the whole text.
import { once } from "node:events";
import { parse } from "csv-parse";
import { detectDelimiter } from "./csv-parse";
import { withoutStackTraces, type CsvRecord } from "./csv-rows";
import { CsvSliceReader } from "./csv-slices";
import type { RecipientRow } from "./table";

export interface CsvRowChunk {
  header: string[];
  rows: RecipientRow[];
}

/** Characters csv-parse reads at a time (lines without quotes go several times faster): a few milliseconds of work. */
export const CSV_SLICE_CHARS = 64 * 1024;
/** The first slices are smaller: until the JIT has compiled the parser, a full slice would take many times longer. */
const FIRST_SLICE_CHARS = 2 * 1024;

/** The rows of each slice that has any, then a last chunk (perhaps without rows) once the text is read. */
export async function* csvRowChunks(text: string, sliceChars = CSV_SLICE_CHARS): AsyncGenerator<CsvRowChunk> {
  const reader = new CsvSliceReader(text, detectDelimiter(text));
  let size = Math.min(FIRST_SLICE_CHARS, sliceChars);
  while (!reader.done) {
    let rows: RecipientRow[] = [];
    if (!reader.read(size, size, rows)) {
      if (rows.length > 0) yield { header: reader.rows.header!, rows };
      rows = [];
      for await (const streamed of streamLongRecord(reader, size, sliceChars)) {
        if (streamed.length > 0) yield { header: reader.rows.header!, rows: streamed };
      }
    }
    if (rows.length > 0) yield { header: reader.rows.header!, rows };
    size = Math.min(size * 2, sliceChars);
  }
  yield { header: reader.rows.finish(), rows: [] };
}

/**
 * Streams the text from where the reader stopped until csv-parse has given at least one record, which leaves the reader
 * after a record, ready to read on by itself; or to the end of the text. Yields the rows of each slice.
 */
async function* streamLongRecord(reader: CsvSliceReader, firstSliceChars: number, sliceChars: number): AsyncGenerator<RecipientRow[]> {
  const { text, rows: rowReader } = reader;
  const parser = parse(reader.parseOptions);
  // Errors are read from parser.errored after each write; without a listener an 'error' event would end the process.
  parser.on("error", () => {});
  let rows: RecipientRow[] = [];
  let records = 0;
  const drain = () => {
    let record: CsvRecord | null;
    while ((record = parser.read() as CsvRecord | null) !== null) {
      records++;
      const row = rowReader.take(record);
      if (row !== undefined) rows.push(row);
    }
    if (parser.errored) throw rowReader.explain(parser.errored);
  };
  try {
    for (let from = rowReader.at, size = firstSliceChars; from < text.length; size = Math.min(size * 2, sliceChars)) {
      const to = sliceEnd(text, from, size);
      // The parser parses a write at once, so the slice's records are ready as soon as write returns.
      withoutStackTraces(() => parser.write(text.slice(from, to)));
      drain();
      from = to;
      yield rows;
      // What the parser read past that record is read again by the reader.
      if (records > 0) return;
      rows = [];
    }
    withoutStackTraces(() => parser.end());
    drain();
    // Whatever the end of the text still held arrives before 'end'.
    while (!parser.readableEnded) {
      try {
        await Promise.race([once(parser, "readable"), once(parser, "end")]);
      } catch (error) {
        throw rowReader.explain(error);
      }
      drain();
    }
    // A last line of nothing but spaces is no record; the text is read.
    rowReader.at = text.length;
    yield rows;
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
