// Reading CSV text a slice at a time, for both readers (csv-parse.ts in one go, csv-stream.ts in slices). csv-parse reads
// every line that has a quote in it, together with the lines its quoted values run on to. A line without a quote is a
// line whichever way it is read: csv-parse would split it at each delimiter and trim the values, and CsvRowReader would
// then take them again as written. Splitting such lines here gives the same cells and line numbers several times faster,
// since csv-parse works through the text a byte at a time.
import { parse } from "csv-parse/sync";
import type { Options } from "csv-parse/sync";
import { csvParseOptions, CsvRowReader, isCsvError, withoutStackTraces, type CsvDelimiter, type CsvRecord } from "./csv-rows";
import type { RecipientRow } from "./table";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Lines without quotes are read about this many times faster than csv-parse reads; slices are measured in its time. */
const PLAIN_LINE_SPEEDUP = 4;

/**
 * Lines without quotes between two lines with quotes that still go to csv-parse with them: starting csv-parse again costs
 * about as much as it takes to read this many lines.
 */
const QUOTED_GAP_LINES = 6;

/** Reads a text from its start, whole records at a time, with a CsvRowReader to turn them into rows. */
export class CsvSliceReader {
  readonly text: string;
  readonly rows: CsvRowReader;
  /** For csv-parse, which starts at a line within the text; reading from the start, CsvRowReader skips a byte order mark. */
  readonly parseOptions: Options;
  /** The first quote at or after `quoteSearchFrom`, or -1 when there is none. */
  private nextQuote = -1;
  private quoteSearchFrom = Infinity;

  constructor(text: string, delimiter: CsvDelimiter) {
    this.text = wellFormed(text);
    this.rows = new CsvRowReader(delimiter, this.text);
    this.parseOptions = { ...csvParseOptions(delimiter), bom: false };
  }

  get done(): boolean {
    return this.rows.at >= this.text.length;
  }

  /**
   * Reads on, whole records, until about `budget` characters' worth of csv-parse's time has gone, adding the rows to
   * `out`. Returns false, having stopped before it, when the next record has quotes and more than `longest` characters,
   * too long to parse at once; the caller reads it some other way (csvRowChunks streams it).
   */
  read(budget: number, longest: number, out: RecipientRow[]): boolean {
    const { rows } = this;
    const from = rows.at;
    const stretches = this.plan(budget, longest);
    // Starting csv-parse costs as much as it takes to read several lines, so it reads the slice's stretches in one go,
    // put together. That reads each the same as on its own as long as each ends after a record; should one not (a
    // quoted value running on past it, or a quote never closed), the stretches from there on are read one at a time.
    let records = this.parseTogether(stretches);
    let next = 0;
    for (const stretch of stretches) {
      if (rows.at >= stretch.end) continue;
      if (!stretch.quoted) {
        this.readPlainLines(stretch.end, out);
        continue;
      }
      if (stretch.long) return false;
      if (records !== undefined && rows.at === stretch.start) {
        for (let record = records[next]; rows.at < stretch.end && record !== undefined && rows.endsBy(record, stretch.end); record = records[++next]) {
          const row = rows.take(record);
          if (row !== undefined) out.push(row);
        }
      }
      if (rows.at < stretch.end) {
        records = undefined;
        if (!this.readQuoted(rows.at, stretch.end, longest, out)) return false;
      }
    }
    // Every slice reads something; a slice that did not would be read again and again.
    if (rows.at === from) throw new Error(`Reading the CSV made no progress at offset ${from}`);
    return true;
  }

  /**
   * How to read the next slice: runs of lines without quotes, and the stretches with quotes between them. A stretch is
   * one line if it is longer than `longest`, to be read some other way.
   */
  private plan(budget: number, longest: number): Stretch[] {
    const { text } = this;
    const stretches: Stretch[] = [];
    let at = this.rows.at;
    let spent = 0;
    while (at < text.length && spent < budget) {
      // Planned ahead, a slice may stop short of its plan (a value too long to parse at once), so reading can be back
      // before where the search started.
      if (at < this.quoteSearchFrom || (this.nextQuote !== -1 && this.nextQuote < at)) {
        this.nextQuote = text.indexOf('"', at);
        this.quoteSearchFrom = at;
      }
      const quoteLine = this.nextQuote === -1 ? text.length : lineStartBefore(text, this.nextQuote, at);
      if (quoteLine > at) {
        const end = Math.min(quoteLine, lineEnd(text, Math.min(text.length - 1, at + (budget - spent) * PLAIN_LINE_SPEEDUP)).end);
        stretches.push({ start: at, end, quoted: false, long: false });
        spent += Math.ceil((end - at) / PLAIN_LINE_SPEEDUP);
        at = end;
        continue;
      }
      const end = this.quotedStretchEnd(at, Math.min(budget - spent, longest));
      stretches.push({ start: at, end, quoted: true, long: end - at > longest });
      if (end - at > longest) break;
      spent += end - at;
      at = end;
    }
    return stretches;
  }

  /** csv-parse's records for the quoted stretches put together; undefined should it find fault with them. */
  private parseTogether(stretches: Stretch[]): CsvRecord[] | undefined {
    const quoted = stretches.filter((stretch) => stretch.quoted && !stretch.long);
    if (quoted.length === 0) return undefined;
    // With relax_column_count csv-parse still builds an error, costly, for each record whose length differs from the first
    // one's. A first record as long as the header (dropped again) keeps that to the ragged rows, as when it starts at the header.
    const header = this.rows.header;
    const lead = header === undefined ? "" : "-" + this.rows.delimiter.repeat(header.length - 1) + "\n";
    const text = lead + quoted.map(({ start, end }) => this.text.slice(start, end)).join("");
    try {
      const records = withoutStackTraces(() => parse(text, this.parseOptions) as unknown as CsvRecord[]);
      return lead === "" ? records : records.slice(1);
    } catch {
      // Read one at a time, each stretch's fault is found where it is, and explained.
      return undefined;
    }
  }

  /** Reads lines until `stop` (at a line end) or the first line with a quote, whose start it stops at. */
  private readPlainLines(stop: number, out: RecipientRow[]): void {
    const { text, rows } = this;
    const { delimiter } = rows;
    const length = text.length;
    let at = rows.at;
    let line = rows.line;
    try {
      while (at < length && at < stop) {
        let end = at;
        let c = 0;
        for (; end < length; end++) {
          c = text.charCodeAt(end);
          if (c <= QUOTE && (c === LF || c === CR || c === QUOTE)) break;
        }
        if (c === QUOTE && end < length) return;
        const row = rows.row(text.slice(at, end).split(delimiter), line);
        if (row !== undefined) out.push(row);
        if (end === length) {
          at = length;
        } else {
          at = c === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
          line++;
        }
      }
    } finally {
      rows.at = at;
      rows.line = line;
    }
  }

  /**
   * The end of the stretch csv-parse reads from the line with a quote at `start`: the end of the last line with a quote
   * before QUOTED_GAP_LINES lines without, or before the stretch grows past `size` characters (one line at least).
   */
  private quotedStretchEnd(start: number, size: number): number {
    const { text } = this;
    let end = lineEnd(text, start).end;
    let at = end;
    for (let gap = 0; gap < QUOTED_GAP_LINES && at < text.length;) {
      const line = lineEnd(text, at);
      if (line.end - start > size) break;
      if (line.quoted) {
        end = line.end;
        gap = 0;
      } else {
        gap++;
      }
      at = line.end;
    }
    return end;
  }

  /**
   * Reads the records from `start` (a line start) to `end` (a line end) with csv-parse. When a quoted value runs on past
   * `end` the stretch is doubled, up to `longest` characters; past that it returns false, having read nothing.
   */
  private readQuoted(start: number, end: number, longest: number, out: RecipientRow[]): boolean {
    const { text, rows } = this;
    for (;;) {
      if (end - start > longest) return false;
      let records: CsvRecord[];
      try {
        // With `raw: true` csv-parse returns { record, raw } objects; its types do not follow that option.
        records = withoutStackTraces(() => parse(text.slice(start, end), this.parseOptions) as unknown as CsvRecord[]);
      } catch (error) {
        if (isCsvError(error) && error.code === "CSV_QUOTE_NOT_CLOSED" && end < text.length) {
          end = lineEnd(text, Math.max(end, start + 2 * (end - start))).end;
          continue;
        }
        // csv-parse threw away the records it read before the error; they are read again, for the rows and line count.
        const before = isCsvError(error) && typeof error.records === "number" ? error.records : 0;
        if (before > 0)
          this.take(
            withoutStackTraces(() => parse(text.slice(start, end), { ...this.parseOptions, to: before }) as unknown as CsvRecord[]),
            out,
          );
        throw rows.explain(error);
      }
      this.take(records, out);
      return true;
    }
  }

  private take(records: CsvRecord[], out: RecipientRow[]): void {
    for (const record of records) {
      const row = this.rows.take(record);
      if (row !== undefined) out.push(row);
    }
  }
}

interface Stretch {
  start: number;
  end: number;
  quoted: boolean;
  /** A line with quotes too long to parse at once. */
  long: boolean;
}

/** The start of the line `at` is in, no earlier than `from`. */
function lineStartBefore(text: string, at: number, from: number): number {
  while (at > from) {
    const c = text.charCodeAt(at - 1);
    if (c === LF || c === CR) break;
    at--;
  }
  return at;
}

/** The end of the line `at` is in (after its line ending), and whether it has a quote on the way. */
function lineEnd(text: string, at: number): { end: number; quoted: boolean } {
  let quoted = false;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) quoted = true;
    else if (c === LF) return { end: at + 1, quoted };
    else if (c === CR) return { end: text.charCodeAt(at + 1) === LF ? at + 2 : at + 1, quoted };
  }
  return { end: text.length, quoted };
}

interface WellFormedString {
  isWellFormed?: () => boolean;
  toWellFormed?: () => string;
}

/**
 * csv-parse reads UTF-8, in which a lone surrogate (text that did not come from a decoded file) turns into U+FFFD; lines
 * read without it must say the same.
 */
function wellFormed(text: string): string {
  const native = text as unknown as WellFormedString;
  if (native.isWellFormed && native.toWellFormed) return native.isWellFormed() ? text : native.toWellFormed();
  return text.replace(/\p{Cs}/gu, "\ufffd");
}
