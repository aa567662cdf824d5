import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvStream } from "./write";

async function* fromArray<T>(items: T[], log: string[] = []): AsyncGenerator<T> {
  try {
    for (const item of items) {
      log.push(`yield ${String(item)}`);
      yield item;
    }
  } finally {
    log.push("closed");
  }
}

// Keeps the byte order mark, which a default TextDecoder would silently drop.
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text;
    text += decode(value);
  }
}

describe("csvCell", () => {
  it("writes empty cells for null and undefined", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("leaves plain values unquoted", () => {
    expect(csvCell("hello world")).toBe("hello world");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(true)).toBe("true");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes cells holding a comma, a quote or a line break, doubling quotes (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
  });

  it.each([
    ["=SUM(A1:A9)", `"'=SUM(A1:A9)"`],
    ["+1 555 0100", `"'+1 555 0100"`],
    ["-2+3", `"'-2+3"`],
    ["@cmd", `"'@cmd"`],
    ["\tindent", `"'\tindent"`],
  ])("neutralises and quotes a cell a spreadsheet would run as a formula: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("neutralises a leading carriage return and still quotes the line break", () => {
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("neutralises before quoting, so the quote wraps the escaped text", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it.each([
    ["Jane;=cmd|' /C calc'!A0;", `"Jane;=cmd|' /C calc'!A0;"`],
    ["a;b", '"a;b"'],
    ["a\tb", '"a\tb"'],
    ["x\r=1", '"x\r=1"'],
  ])("quotes a cell a semicolon- or tab-separated spreadsheet would split: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("keeps a semicolon-locale reading of a hostile name in one cell that is not a formula", () => {
    const line = csvLine(["1", "Jane;=cmd|' /C calc'!A0;", "+1"]);
    // What a spreadsheet using `;` as separator sees: split outside quotes, then unquote.
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    for (const ch of line.replace(/\r\n$/, "")) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ";" && !quoted) {
        cells.push(cell);
        cell = "";
      } else cell += ch;
    }
    cells.push(cell);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@]/);
  });

  it("writes dates as ISO 8601 in UTC", () => {
    expect(csvCell(new Date("2026-01-31T09:05:00.123Z"))).toBe("2026-01-31T09:05:00.123Z");
  });

  it("writes objects and arrays as quoted JSON", () => {
    expect(csvCell({ role: { from: "viewer", to: "admin" } })).toBe('"{""role"":{""from"":""viewer"",""to"":""admin""}}"');
    expect(csvCell([1, 2])).toBe('"[1,2]"');
  });
});

describe("csvLine", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvLine(["a", 1, null, "b,c", "=x"])).toBe(`a,1,,"b,c","'=x"\r\n`);
  });

  it("writes an empty row as just the line ending", () => {
    expect(csvLine([])).toBe("\r\n");
  });
});

describe("csvStream", () => {
  it("writes a byte order mark and the header, then one line per row in source order", async () => {
    const stream = csvStream(["id", "name"], fromArray([1, 2, 3]), (n) => [n, `row ${n}`]);
    const text = await readAll(stream);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1)).toBe("id,name\r\n1,row 1\r\n2,row 2\r\n3,row 3\r\n");
  });

  it("writes only the header when there are no rows", async () => {
    expect(await readAll(csvStream(["id"], fromArray<number>([]), (n) => [n]))).toBe("\uFEFFid\r\n");
  });

  it("pulls rows from the source only as the reader asks for them", async () => {
    const log: string[] = [];
    const reader = csvStream(["n"], fromArray([1, 2, 3], log), (n) => [n]).getReader();
    expect(decode((await reader.read()).value!)).toBe("\uFEFFn\r\n");
    expect(log).toEqual([]);
    expect(decode((await reader.read()).value!)).toBe("1\r\n");
    expect(log).toEqual(["yield 1"]);
    expect(decode((await reader.read()).value!)).toBe("2\r\n");
    expect(log).toEqual(["yield 1", "yield 2"]);
    reader.releaseLock();
  });

  it("closes the source when the reader cancels", async () => {
    const log: string[] = [];
    const reader = csvStream(["n"], fromArray([1, 2, 3], log), (n) => [n]).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(log).toEqual(["yield 1", "closed"]);
  });
});
