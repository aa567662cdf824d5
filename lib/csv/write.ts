// CSV output that a spreadsheet opens safely: RFC 4180 quoting, and cells that would run as formulas are neutralised.
// Spreadsheets in locales whose list separator is `;` (or that guess tab) split an unquoted cell at those characters,
// so `Jane;=cmd|…` would become a second cell starting with `=`: every cell holding a separator a spreadsheet might
// choose, a quote, a line break or a leading formula character is quoted, and the leading character is neutralised.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  const formula = FORMULA_START.test(s);
  if (formula) s = `'${s}`;
  return formula || NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A streamed CSV body: the header, then one line per row as the source yields them. */
export function csvStream<T>(header: readonly string[], rows: AsyncIterable<T>, toCells: (row: T) => unknown[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(toCells(value))));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
