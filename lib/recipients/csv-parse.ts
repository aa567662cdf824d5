// RFC 4180 CSV, as spreadsheets really write it: comma or semicolon (Excel in many European locales), quoted values that
// hold delimiters, doubled quotes and line breaks, any line ending. One pass over the string; values are slices of it.
import { RecipientsInputError } from "./input-error";
import type { RecipientRow, RecipientTable } from "./table";

export type CsvDelimiter = "," | ";";

export interface CsvParseOptions {
  /** "auto" (the default) picks whichever of `,` and `;` the header line uses more, outside quotes. */
  delimiter?: CsvDelimiter | "auto";
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

export function parseCsv(text: string, options: CsvParseOptions = {}): RecipientTable {
  const n = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  const delimiter = options.delimiter && options.delimiter !== "auto" ? options.delimiter : detectDelimiter(text);
  const d = delimiter.charCodeAt(0);

  let header: string[] | undefined;
  const rows: RecipientRow[] = [];
  let line = 1;

  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      // A quoted value may have spaces before its opening quote (`a, "b, c"`), which hand-written files often do.
      let j = i;
      while (j < n && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        const quoteLine = line;
        let value = "";
        let from = j + 1;
        let k = from;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q === -1) {
            throw new RecipientsInputError(
              `A quoted value that starts on line ${quoteLine} is never closed. Check for a missing " and upload again.`,
              quoteLine,
            );
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            k = from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          line += countLineBreaks(text, j + 1, q);
          k = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do; spaces alone are dropped.
        let m = k;
        while (m < n) {
          const c = text.charCodeAt(m);
          if (c === d || c === LF || c === CR) break;
          m++;
        }
        if (m > k) {
          const rest = text.slice(k, m);
          if (rest.trim() !== "") value += rest;
        }
        cells.push(value);
        i = m;
      } else {
        let m = i;
        while (m < n) {
          const c = text.charCodeAt(m);
          if (c === d || c === LF || c === CR) break;
          m++;
        }
        cells.push(text.slice(i, m));
        i = m;
      }
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    if (i < n) {
      if (text.charCodeAt(i) === CR) i++;
      if (i < n && text.charCodeAt(i) === LF) i++;
      line++;
    }
    // Blank lines, and the `,,,` lines spreadsheets pad an export with, hold no recipient.
    if (isBlank(cells)) continue;
    if (header === undefined) header = toHeader(cells);
    else rows.push({ line: rowLine, cells });
  }

  if (header === undefined) throw new RecipientsInputError("The file is empty.");
  return { header, rows };
}

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

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
