import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-parse";
import { csvRowChunks } from "./csv-stream";
import { RecipientsInputError } from "./input-error";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "./limits";
import { parsePastedRecipients } from "./paste-parse";
import { createPreflightChecker, preflightRecipients } from "./preflight";
import type { PreflightRow } from "./preflight-types";
import { readRecipientBatches, readRecipientList, type RecipientBatch } from "./read-list";
import type { RecipientRow, RecipientTable } from "./table";

// Quoted values with delimiters, doubled quotes, LF, CRLF and lone CR inside; CRLF, LF and CR line ends; blank and
// padding lines; spaces around quotes and around unquoted values; a character outside the BMP; a ragged row.
const TRICKY =
  "\uFEFF phone ,name,note\r\n" +
  '+14155552671, Ann ,"multi\r\nline ""quoted""\nvalue"\r\n' +
  "\r\n" +
  ",,\n" +
  '+14155552672,"Smith, John",😀 smile\r' +
  '+14155552673, "Doe, J" ,"a\rb"\n' +
  "\n\n" +
  '+14155552674,Cy,5" screen,extra\r\n' +
  '+14155552675,"",""\r\n' +
  '+14155552676,Di,"ends with CRLF\r\n"';

async function collect(batches: AsyncIterable<RecipientBatch>): Promise<{ header: string[]; rows: RecipientRow[]; batches: RecipientBatch[] }> {
  const all: RecipientBatch[] = [];
  for await (const batch of batches) all.push(batch);
  return { header: all[0]?.header ?? [], rows: all.flatMap((batch) => batch.rows), batches: all };
}

async function streamed(text: string, sliceChars: number): Promise<RecipientTable> {
  let header: string[] = [];
  const rows: RecipientRow[] = [];
  for await (const chunk of csvRowChunks(text, sliceChars)) {
    header = chunk.header;
    rows.push(...chunk.rows);
  }
  return { header, rows };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the read to fail");
}

describe("csvRowChunks", () => {
  it("gives the rows and line numbers of the one-go parse wherever the slices end", async () => {
    const whole = parseCsv(TRICKY);
    expect(whole.rows.map((row) => row.line)).toEqual([2, 7, 8, 12, 13, 14]);
    expect(whole.rows[0]!.cells).toEqual(["+14155552671", " Ann ", 'multi\r\nline "quoted"\nvalue']);
    expect(whole.rows[1]!.cells).toEqual(["+14155552672", "Smith, John", "😀 smile"]);
    // Every slice length up to the text's own puts a boundary inside each quoted value, CRLF and surrogate pair.
    for (let sliceChars = 1; sliceChars <= TRICKY.length; sliceChars++) {
      expect(await streamed(TRICKY, sliceChars), `slices of ${sliceChars}`).toEqual(whole);
    }
  });

  it("reads on after a quoted value longer than a slice, wherever the slices end", async () => {
    const note = Array.from({ length: 40 }, (_, i) => `note line ${i}, "quoted" part`).join("\r\n");
    const text = [
      "phone,name,note",
      '+1,"Doe, J",a',
      `+2,Ann,"${note.replaceAll('"', '""')}"`,
      '+3,5" screen,b',
      "+4,Bob,c",
      '+5, "Cy" ,"d\ne"',
      "",
      '+6,"Di",f',
    ].join("\n");
    const whole = parseCsv(text);
    expect(whole.rows.map((row) => row.line)).toEqual([2, 3, 43, 44, 45, 48]);
    expect(whole.rows[1]!.cells[2]).toBe(note);
    for (const sliceChars of [8, 16, 40, 100, 333, 1000]) expect(await streamed(text, sliceChars), `slices of ${sliceChars}`).toEqual(whole);
  });

  it("reads the quotes right after a value longer than a slice, its lines without quotes", async () => {
    const note = Array.from({ length: 10 }, (_, i) => `plain note line number ${i} of the long value`).join("\n");
    const plain = Array.from({ length: 100 }, (_, i) => `+1415555${1000 + i},Ann,x`);
    const text = ["phone,name,note", `+1,"${note}"`, '+2,5" screen,a', ...plain, '+3,"Doe, J",b'].join("\n");
    const whole = parseCsv(text);
    expect(whole.rows.map((row) => row.line).slice(0, 3)).toEqual([2, 12, 13]);
    expect(whole.rows.at(-1)).toEqual({ line: 113, cells: ["+3", "Doe, J", "b"] });
    for (let sliceChars = 150; sliceChars <= 260; sliceChars += 5) expect(await streamed(text, sliceChars), `slices of ${sliceChars}`).toEqual(whole);
  });

  it("keeps wide spaces as written and skips lines holding only them, however the text is sliced", async () => {
    const text = 'phone,name\r\n\u00a0\r\n+1,\u00a0Ann\r\n\u3000\n+2, \u3000"Bob, B"\n+3,Cy\u00a0';
    const whole = parseCsv(text);
    expect(whole.rows).toEqual([
      { line: 3, cells: ["+1", "\u00a0Ann"] },
      { line: 5, cells: ["+2", "Bob, B"] },
      { line: 6, cells: ["+3", "Cy\u00a0"] },
    ]);
    for (const sliceChars of [1, 3, 7, 64]) expect(await streamed(text, sliceChars), `slices of ${sliceChars}`).toEqual(whole);
  });

  it("numbers the line an unclosed quote starts on, however the text is sliced", async () => {
    const text = 'phone,name\r\n+1,"a\r\nb"\r\n\r\n+2,"x\r\ny","Bob\r\n+3,""Cy""\r\n+4,Di\r\n';
    const expected = new RecipientsInputError(`A quoted value that starts on line 6 is never closed. Check for a missing " and upload again.`, 6);
    expect(() => parseCsv(text)).toThrowError(expected);
    for (const sliceChars of [1, 2, 3, 5, 8, 64]) {
      const error = await failure(streamed(text, sliceChars));
      expect(error).toEqual(expected);
      expect((error as RecipientsInputError).line).toBe(6);
    }
  });

  it("names the line of text after a closing quote, however the text is sliced", async () => {
    const text = 'phone,note\n+1,"a\r\nb"\n+2,"x\ny"z\n+3,w\n';
    const message =
      'Line 5 has text right after the closing quote of a quoted value. Put the whole value inside the quotes (a " inside it is written "") and upload again.';
    expect(() => parseCsv(text)).toThrowError(new RecipientsInputError(message, 5));
    for (const sliceChars of [1, 4, 7, 64]) expect(await failure(streamed(text, sliceChars))).toEqual(new RecipientsInputError(message, 5));
  });
});

describe("readRecipientBatches", () => {
  it("hands out the rows of the one-go parse in batches of the size asked, counting rows read", async () => {
    const lines = ["phone,name"];
    for (let i = 0; i < 23; i++) lines.push(i % 4 === 0 ? `+1415555${1000 + i},"Doe,\nJ"` : `+1415555${1000 + i},Ann`);
    const text = lines.join("\r\n");
    const { header, rows, batches } = await collect(readRecipientBatches("csv", text, { batchRows: 5 }));
    expect(header).toEqual(["phone", "name"]);
    expect(rows).toEqual(parseCsv(text).rows);
    expect(batches.map((batch) => [batch.rows.length, batch.rowsRead])).toEqual([
      [5, 5],
      [5, 10],
      [5, 15],
      [5, 20],
      [3, 23],
    ]);
  });

  it("reads pasted lines the way parsePastedRecipients does", async () => {
    const text = "\uFEFF+1 415 555 2671\n\n+44 7400 123456, Ann Lee\r\n(415) 555-2672;Bob\r+14155552673\tCy\tLeeds\n   \n";
    const { header, rows, batches } = await collect(readRecipientBatches("paste", text, { batchRows: 3 }));
    expect({ header, rows }).toEqual(parsePastedRecipients(text));
    expect(batches.map((batch) => batch.rowsRead)).toEqual([3, 4]);
  });

  it("gives one batch without rows for a list that has none, so the header is known", async () => {
    expect((await collect(readRecipientBatches("csv", "phone;name\r\n;\r\n"))).batches).toEqual([{ header: ["phone", "name"], rows: [], rowsRead: 0 }]);
    expect((await collect(readRecipientBatches("paste", "\n \n"))).batches).toEqual([{ header: ["phone", "name"], rows: [], rowsRead: 0 }]);
  });

  it("refuses an empty file and a header with two columns of the same name", async () => {
    await expect(collect(readRecipientBatches("csv", "\r\n \r\n"))).rejects.toThrow("The file is empty.");
    await expect(collect(readRecipientBatches("csv", "phone,name,phone\n1,2,3\n"))).rejects.toThrow('Columns 1 and 3 are both named "phone"');
  });

  it("stops with the signal's reason when the caller aborts", async () => {
    const text = ["phone", ...Array.from({ length: 50 }, (_, i) => `+1415555${1000 + i}`)].join("\n");
    const controller = new AbortController();
    const reason = new Error("gone");
    const seen: number[] = [];
    const error = await failure(
      (async () => {
        for await (const batch of readRecipientBatches("csv", text, { batchRows: 10, signal: controller.signal })) {
          seen.push(batch.rowsRead);
          controller.abort(reason);
        }
      })(),
    );
    expect(error).toBe(reason);
    expect(seen).toEqual([10]);
    const aborted = AbortSignal.abort(reason);
    await expect(collect(readRecipientBatches("paste", "+1\n", { signal: aborted }))).rejects.toBe(reason);
  });

  it("keeps the event loop turning while it reads 200,000 rows", async () => {
    const lines = ["phone,name,city,order"];
    for (let i = 0; i < 200_000; i++) lines.push(`+1415${String(5550000 + i)},"Ann ${i % 1000}",Leeds,A-${i}`);
    const text = lines.join("\n");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    let batches = 0;
    try {
      for await (const batch of readRecipientBatches("csv", text)) {
        batches++;
        expect(batch.rows.length).toBe(5_000);
      }
    } finally {
      clearInterval(timer);
    }
    expect(batches).toBe(40);
    // A read that held the event loop throughout would let the timer run once at most.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it.each(["csv", "paste"] as const)("refuses a %s list as soon as it passes the row limit", async (format) => {
    // Read to its end, the CSV would fail on the quote that is never closed instead.
    const text = (format === "csv" ? "phone\n" : "") + "1\n".repeat(MAX_RECIPIENT_ROWS + 1) + '"never read\n2\n';
    let rowsRead = 0;
    const error = await failure(
      (async () => {
        for await (const batch of readRecipientBatches(format, text, { batchRows: 100_000 })) rowsRead = batch.rowsRead;
      })(),
    );
    expect(error).toEqual(new RecipientsInputError(tooManyRowsMessage("more"), MAX_RECIPIENT_ROWS + (format === "csv" ? 2 : 1)));
    expect((error as RecipientsInputError).line).toBe(MAX_RECIPIENT_ROWS + (format === "csv" ? 2 : 1));
    expect(rowsRead).toBeLessThanOrEqual(MAX_RECIPIENT_ROWS);
  });
});

describe("reading and checking in batches", () => {
  it("gives the report preflightRecipients gives for the whole table, repeats across batches included", async () => {
    const lines = ["phone;name;city"];
    for (let i = 0; i < 120; i++) lines.push(i % 9 === 4 ? `bad ${i};N${i};Leeds` : `+1 415 555 ${1000 + (i % 35)};"N; ${i}";${i % 10 === 0 ? "" : "Leeds"}`);
    const text = lines.join("\r\n");
    const mapping = { phoneColumn: "phone", nameColumn: "name", variableColumns: { city: "city" } };
    const options = { sampleSize: 3, isSuppressed: (e164: string) => e164 === "+14155551007" };
    const whole = preflightRecipients(parseCsv(text), mapping, options);
    expect(Object.values(whole.counts).every((count) => count > 0)).toBe(true);
    let checker: ReturnType<typeof createPreflightChecker> | undefined;
    const rows: PreflightRow[] = [];
    for await (const batch of readRecipientBatches("csv", text, { batchRows: 16 })) {
      checker ??= createPreflightChecker(batch.header, mapping, options);
      rows.push(...checker.checkBatch(batch.rows));
    }
    expect({ ...checker!.tally(), rows }).toEqual(whole);
  });
});

describe("readRecipientList", () => {
  it("collects the batches into the table parseCsv gives, reporting progress per batch", async () => {
    const text = ["phone,name", ...Array.from({ length: 12_000 }, (_, i) => `+1415555${i},"N ${i}"`)].join("\n");
    const progress: number[] = [];
    expect(await readRecipientList("csv", text, { onProgress: (rows) => progress.push(rows) })).toEqual(parseCsv(text));
    expect(progress).toEqual([5_000, 10_000, 12_000]);
  });
});
