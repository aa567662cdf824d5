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
    // Line numbers come from each record's source text: csv-parse's own count takes a CRLF inside quotes as two lines.
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

/** Feed it csv-parse's records in order; it keeps count of lines and rows. */
export class CsvRowReader {
  /** The line the next record's raw text starts on. */
  private line = 1;
  private rowCount = 0;
  private columns: string[] | undefined;

  constructor(readonly delimiter: CsvDelimiter) {}

  get header(): string[] | undefined {
    return this.columns;
  }

  /** The row a record holds; undefined for the header and for lines with nothing but delimiters and spaces. */
  take({ record, raw }: CsvRecord): RecipientRow | undefined {
    const start = firstContent(raw);
    const line = this.line + countBreakChars(raw, 0, start);
    this.line = line + countLineBreaks(raw, start, raw.length);
    const cells = this.cellsAsWritten(record, raw, start);
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
    const raw = error.raw;
    const start = firstContent(raw);
    const line = this.line + countBreakChars(raw, 0, start);
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      const quoteLine = line + countLineBreaks(raw, start, openingQuote(raw));
      return new RecipientsInputError(`A quoted value that starts on line ${quoteLine} is never closed. Check for a missing " and upload again.`, quoteLine);
    }
    if (error.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") {
      // raw ends at the closing quote the text follows.
      const at = line + countLineBreaks(raw, start, raw.length);
      return new RecipientsInputError(
        `Line ${at} has text right after the closing quote of a quoted value. Put the whole value inside the quotes (a " inside it is written "") and upload again.`,
        at,
      );
    }
    return error;
  }

  /**
   * ltrim/rtrim trimmed the unquoted values too, which are kept as written: each is taken again from the raw text,
   * stepping over the quoted values (whose length there is known: two quotes, plus one for each " inside).
   */
  private cellsAsWritten(record: string[], raw: string, start: number): string[] {
    let at = start;
    while (at > 0 && !isBreak(raw.charCodeAt(at - 1))) at--;
    const end = raw.length > 0 && isBreak(raw.charCodeAt(raw.length - 1)) ? raw.length - 1 : raw.length;
    if (raw.indexOf('"', at) === -1) {
      // Most lines have no spaces to put back, and splitting again would only copy them.
      let length = record.length - 1;
      for (const cell of record) length += cell.length;
      return length === end - at ? record : raw.slice(at, end).split(this.delimiter);
    }
    const cells = new Array<string>(record.length);
    for (let i = 0; i < record.length; i++) {
      const value = record[i]!;
      let first = at;
      while (first < end && isSpace(raw.charCodeAt(first))) first++;
      if (raw.charCodeAt(first) === QUOTE) {
        cells[i] = value;
        at = first + 2 + value.length + countQuotes(value);
        while (at < end && isSpace(raw.charCodeAt(at))) at++;
      } else {
        const delimiter = raw.indexOf(this.delimiter, at);
        const to = delimiter === -1 || delimiter > end ? end : delimiter;
        cells[i] = raw.slice(at, to);
        at = to;
      }
      if (i < record.length - 1) {
        if (raw[at] !== this.delimiter) return record;
        at++;
      }
    }
    // Should the raw text not line up with the values, csv-parse's reading stands.
    return at === end ? cells : record;
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

/** Where the record begins: csv-parse's raw text leads with the blank lines it skipped (whitespace and line ends only). */
function firstContent(raw: string): number {
  const at = raw.search(/\S/);
  return at === -1 ? raw.length : at;
}

/**
 * Line ends among skipped blank lines. csv-parse keeps only the first character of a CRLF it reads as a line end, so
 * every CR or LF there is one line.
 */
function countBreakChars(raw: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (isBreak(raw.charCodeAt(i))) count++;
  return count;
}

/** Line ends within a record: inside quotes a CRLF is kept whole and is one line. */
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
function openingQuote(raw: string): number {
  let i = raw.length - 1;
  while (i >= 0) {
    if (raw.charCodeAt(i) !== QUOTE) {
      i--;
      continue;
    }
    let runStart = i;
    while (runStart > 0 && raw.charCodeAt(runStart - 1) === QUOTE) runStart--;
    if ((i - runStart + 1) % 2 === 1) return runStart;
    i = runStart - 1;
  }
  return 0;
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

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (/\S/.test(cell)) return false;
  return true;
}
