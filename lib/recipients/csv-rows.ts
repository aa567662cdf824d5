// From csv-parse records to recipient rows: the part of reading a CSV that is the same whether the text is parsed in one
// go (small lists, the browser) or streamed in slices (uploads). Line numbers, blank lines, the header, the row limit and
// errors worded for the person who made the file all live here, so both readers give the same answer.
import type { Options } from "csv-parse/sync";
import { RecipientsInputError } from "./input-error";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "./limits";
import type { RecipientRow } from "./table";

export type CsvDelimiter = "," | ";";

/** A record as csv-parse gives it with `raw: true`. */
export interface CsvRecord {
  record: string[];
  /** The source text since the previous record: skipped blank lines, the record, and its line ending's first character. */
  raw: string;
}

export function csvParseOptions(delimiter: CsvDelimiter): Options {
  return {
    delimiter,
    bom: true,
    // Any mix of line endings, as in files pasted together from several sources.
    record_delimiter: ["\r\n", "\n", "\r"],
    // A quote inside an unquoted value (5" screen) is text, as spreadsheets treat it.
    relax_quotes: true,
    // Ragged rows are kept as written; preflight reports them.
    relax_column_count: true,
    skip_empty_lines: true,
    // Spaces around a quoted value (`+1, "Smith, John" `) are not part of it. These options trim unquoted values as
    // well; CsvRowReader puts those spaces back, since cells are kept as written.
    ltrim: true,
    rtrim: true,
    // Where each record ends in the text comes from its source text: csv-parse's own line count takes a CRLF inside
    // quotes as two lines.
    raw: true,
  };
}

/**
 * Runs csv-parse without capturing stack traces. With relax_column_count it still builds an Error for every row whose
 * length differs from the first (kept, then dropped), and capturing each one's stack made lists whose rows leave off
 * trailing empty cells about eight times slower to read. Synchronous, so no other code runs while the limit is 0.
 */
export function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BOM = 0xfeff;

/**
 * Feed it the text's records in order, csv-parse's or lines read without it; it keeps count of lines and rows.
 *
 * Given the text, cells are taken from it. csv-parse's raw text is not quite the source: it leaves out the LF of a CRLF
 * that ends a line, and a space beyond ASCII (a no-break space, say) that ltrim skips comes out as U+FFFD. Without the
 * text (reading only the start of a list), the raw text stands in for it.
 */
export class CsvRowReader {
  /** Where the text not yet read starts: the next record's raw text, a line start. */
  at: number;
  /** The line `at` is on. */
  line = 1;
  private rowCount = 0;
  private columns: string[] | undefined;

  constructor(
    readonly delimiter: CsvDelimiter,
    readonly text?: string,
  ) {
    // csv-parse drops a byte order mark at the start (bom: true); lines read without it skip it here.
    this.at = text !== undefined && text.charCodeAt(0) === BOM ? 1 : 0;
  }

  get header(): string[] | undefined {
    return this.columns;
  }

  /** The row a record holds; undefined for the header and for lines with nothing but delimiters and spaces. */
  take({ record, raw }: CsvRecord): RecipientRow | undefined {
    const place = this.locate(raw);
    if (place === undefined) throw new Error(`csv-parse's record at offset ${this.at} does not line up with the text`);
    this.at = place.next;
    this.line = place.line + countLineBreaks(place.text, place.start, place.next);
    return this.row(this.cellsAsWritten(record, place.text, lineStart(place.text, place.from, place.start), place.end), place.line);
  }

  /** Whether the record, taken next, ends by `end` in the text (csv-parse having read it from text put together). */
  endsBy({ raw }: CsvRecord, end: number): boolean {
    const place = this.locate(raw);
    return place !== undefined && place.next <= end;
  }

  /** The row for cells read from the text as written, on `line`; undefined for the header and for blank lines. */
  row(cells: string[], line: number): RecipientRow | undefined {
    if (isBlank(cells)) return undefined;
    if (this.columns === undefined) {
      this.columns = toHeader(cells);
      return undefined;
    }
    // Counted here, as each row is read, so a list far over the limit is refused without being read to its end.
    if (++this.rowCount > MAX_RECIPIENT_ROWS) throw new RecipientsInputError(tooManyRowsMessage("more"), line);
    return { line, cells };
  }

  /** The header, once every record has been taken. */
  finish(): string[] {
    if (this.columns === undefined) throw new RecipientsInputError("The file is empty.");
    return this.columns;
  }

  /**
   * csv-parse's error for the record after the last one taken, as a RecipientsInputError naming its line; any other
   * error is returned as it is.
   */
  explain(error: unknown): unknown {
    if (!isCsvError(error) || typeof error.raw !== "string") return error;
    const place = this.locate(error.raw);
    if (place === undefined) return error;
    const { text, start, end, line } = place;
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      const quoteLine = line + countLineBreaks(text, start, openingQuote(text, start, end));
      return new RecipientsInputError(`A quoted value that starts on line ${quoteLine} is never closed. Check for a missing " and upload again.`, quoteLine);
    }
    if (error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") {
      // raw ends at the text that follows the closing quote, on the quote's line.
      const at = line + countLineBreaks(text, start, end);
      return new RecipientsInputError(
        `Line ${at} has text right after the closing quote of a quoted value. Put the whole value inside the quotes (a " inside it is written "") and upload again.`,
        at,
      );
    }
    return error;
  }

  /**
   * Where a raw text lies in the text: `from` its start, `start` the record's first character after any blank lines,
   * `end` its end (after the line ending's first character), `next` where the next record starts, and the line of `start`.
   */
  private locate(raw: string): { text: string; from: number; start: number; end: number; next: number; line: number } | undefined {
    if (this.text === undefined) {
      const start = firstContent(raw, 0);
      // Every CR or LF among the skipped blank lines is one line: the raw text kept only the first character of a CRLF.
      return { text: raw, from: 0, start, end: raw.length, next: raw.length, line: this.line + countBreakChars(raw, 0, start) };
    }
    const text = this.text;
    const from = this.at;
    const start = firstContent(text, from);
    // Up to `start` the raw text is blank lines, less the LF of each CRLF; from there on it is the text, character for character.
    const rawStart = start - from - countCrlfs(text, from, start);
    if (rawStart > raw.length || (rawStart < raw.length && raw.charCodeAt(rawStart) !== text.charCodeAt(start))) return undefined;
    const end = start + raw.length - rawStart;
    const next = text.charCodeAt(end - 1) === CR && text.charCodeAt(end) === LF ? end + 1 : end;
    return { text, from, start, end, next, line: this.line + countLineBreaks(text, from, start) };
  }

  /**
   * ltrim/rtrim trimmed the unquoted values too, which are kept as written: each is taken again from the text, stepping
   * over the quoted values (whose length there is known: two quotes, plus one for each " inside). `from` is the start of
   * the record's first line, `to` the end of the raw text.
   */
  private cellsAsWritten(record: string[], text: string, from: number, to: number): string[] {
    const end = to > from && isBreak(text.charCodeAt(to - 1)) ? to - 1 : to;
    const written = text.slice(from, end);
    if (written.indexOf('"') === -1) return written.split(this.delimiter);
    const cells = new Array<string>(record.length);
    let at = 0;
    for (let i = 0; i < record.length; i++) {
      const value = record[i]!;
      let first = at;
      while (first < written.length && isSpace(written.charCodeAt(first))) first++;
      if (written.charCodeAt(first) === QUOTE) {
        cells[i] = value;
        at = first + 2 + value.length + countQuotes(value);
        while (at < written.length && isSpace(written.charCodeAt(at))) at++;
      } else {
        const delimiter = written.indexOf(this.delimiter, at);
        const cellEnd = delimiter === -1 ? written.length : delimiter;
        cells[i] = written.slice(at, cellEnd);
        at = cellEnd;
      }
      if (i < record.length - 1) {
        if (written[at] !== this.delimiter) return record;
        at++;
      }
    }
    // Should the text not line up with the values, csv-parse's reading stands.
    return at === written.length ? cells : record;
  }
}

interface CsvErrorLike {
  code: string;
  raw?: unknown;
  records?: unknown;
}

export function isCsvError(error: unknown): error is Error & CsvErrorLike {
  return error instanceof Error && typeof (error as Partial<CsvErrorLike>).code === "string";
}

/** The characters ltrim and rtrim remove: JavaScript's whitespace, as String.prototype.trim has it. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && /\s/.test(String.fromCharCode(c)));
}

function countQuotes(value: string): number {
  let count = 0;
  for (let i = value.indexOf('"'); i !== -1; i = value.indexOf('"', i + 1)) count++;
  return count;
}

function isBreak(c: number): boolean {
  return c === LF || c === CR;
}

/** Where the record begins: its source text may lead with blank lines (whitespace and line ends only). */
function firstContent(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The start of the line `at` is on, no earlier than `from`. */
function lineStart(text: string, from: number, at: number): number {
  while (at > from && !isBreak(text.charCodeAt(at - 1))) at--;
  return at;
}

function countBreakChars(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (isBreak(text.charCodeAt(i))) count++;
  return count;
}

function countCrlfs(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) === LF && text.charCodeAt(i - 1) === CR) count++;
  return count;
}

/** Line ends: a CRLF is one, whether it ends a line or sits inside quotes. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/**
 * The quote that opens a value never closed. Everything after it to the end of the text is inside the value, where each
 * quote is doubled, so it begins the last run of quotes with an odd length.
 */
function openingQuote(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from) {
    if (text.charCodeAt(i) !== QUOTE) {
      i--;
      continue;
    }
    let runStart = i;
    while (runStart > from && text.charCodeAt(runStart - 1) === QUOTE) runStart--;
    if ((i - runStart + 1) % 2 === 1) return runStart;
    i = runStart - 1;
  }
  return from;
}

function toHeader(cells: string[]): string[] {
  const header = cells.map((cell) => cell.trim());
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === "") return;
    const earlier = seen.get(name);
    // Columns are mapped by name, so two with the same name would make the mapping ambiguous.
    if (earlier !== undefined) {
      throw new RecipientsInputError(`Columns ${earlier + 1} and ${index + 1} are both named "${name}". Rename one and upload again.`, undefined, {
        header: `Duplicate column "${name}"`,
      });
    }
    seen.set(name, index);
  });
  return header;
}

/** Whether every cell is whitespace. Most rows start with a character that settles it. */
function isBlank(cells: string[]): boolean {
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) if (!isSpace(cell.charCodeAt(i))) return false;
  }
  return true;
}
