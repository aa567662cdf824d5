import { describe, expect, it } from "vitest";
import { detectDelimiter, parseCsv } from "./csv-parse";
import { RecipientsInputError } from "./input-error";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "./limits";

const cellsOf = (text: string, options?: Parameters<typeof parseCsv>[1]) => parseCsv(text, options).rows.map((row) => row.cells);
const linesOf = (text: string) => parseCsv(text).rows.map((row) => row.line);

describe("parseCsv", () => {
  it("reads a header and rows, trimming only the header", () => {
    const table = parseCsv(" phone , name \n+14155552671, Ann \n");
    expect(table.header).toEqual(["phone", "name"]);
    expect(table.rows).toEqual([{ line: 2, cells: ["+14155552671", " Ann "] }]);
  });

  it("detects semicolons, as Excel writes CSV in many European locales", () => {
    expect(cellsOf("phone;name;city\n+4915112345678;Jörg;Köln, Nord\n")).toEqual([["+4915112345678", "Jörg", "Köln, Nord"]]);
  });

  it("detects the delimiter from the header only, outside quotes", () => {
    expect(detectDelimiter('"a;b;c",phone\n1;2;3;4;5\n')).toBe(",");
    expect(detectDelimiter("\n\nphone;name\n")).toBe(";");
    expect(detectDelimiter("phone\n+1;+2\n")).toBe(",");
  });

  it("uses a forced delimiter even when the header suggests another", () => {
    expect(cellsOf("phone;name\n1,2;x\n", { delimiter: "," })).toEqual([["1", "2;x"]]);
  });

  it("keeps delimiters, doubled quotes and line breaks inside quoted values", () => {
    const text = 'phone,name,note\n+1,"Smith, John","He said ""hi""\nthen left"\n+2,Ann,x\n';
    expect(cellsOf(text)).toEqual([
      ["+1", "Smith, John", 'He said "hi"\nthen left'],
      ["+2", "Ann", "x"],
    ]);
  });

  it("numbers rows by the line they start on, counting line breaks inside quotes", () => {
    const text = 'phone,note\n+1,"a\r\nb\rc"\n+2,x\n\n+3,y\n';
    expect(linesOf(text)).toEqual([2, 5, 7]);
  });

  it("accepts CRLF, LF and lone CR line ends in one file", () => {
    expect(parseCsv("phone\r\n+1\n+2\r+3").rows).toEqual([
      { line: 2, cells: ["+1"] },
      { line: 3, cells: ["+2"] },
      { line: 4, cells: ["+3"] },
    ]);
  });

  it("skips blank lines and the all-empty lines spreadsheets pad exports with", () => {
    expect(cellsOf("\n\nphone,name\n\n+1,Ann\n , \n,,\n+2,Bob\n\n")).toEqual([
      ["+1", "Ann"],
      ["+2", "Bob"],
    ]);
  });

  it("keeps an empty last cell after a trailing delimiter", () => {
    expect(cellsOf("phone,name\n+1,\n")).toEqual([["+1", ""]]);
  });

  it("keeps ragged rows as they are, for preflight to report", () => {
    expect(cellsOf("phone,name,city\n+1,Ann\n+2,Bob,Leeds,extra\n")).toEqual([
      ["+1", "Ann"],
      ["+2", "Bob", "Leeds", "extra"],
    ]);
  });

  it("reads a quoted value with spaces before its opening quote", () => {
    expect(cellsOf('phone, name\n+1, "Smith, John"\n')).toEqual([["+1", "Smith, John"]]);
  });

  it("keeps unquoted values as written beside quoted ones, dropping only the spaces around the quotes", () => {
    expect(cellsOf('phone;name;note\n +1 ;  "Smith; ""J"""  ; x \u00a0\n')).toEqual([[" +1 ", 'Smith; "J"', " x \u00a0"]]);
  });

  it("keeps a no-break space or other wide space starting a value, and skips lines holding only such spaces", () => {
    const text = 'phone,name\n\u00a0\n+1,\u00a0Ann\n\u3000 \r\n+2,\u3000"Bob"\n\u2028+3,x\n';
    expect(parseCsv(text).rows).toEqual([
      { line: 3, cells: ["+1", "\u00a0Ann"] },
      { line: 5, cells: ["+2", "Bob"] },
      { line: 6, cells: ["\u2028+3", "x"] },
    ]);
  });

  it("reads a lone surrogate as U+FFFD, with or without quotes on its line", () => {
    expect(cellsOf('phone,name\n+1,a\ud800\n+2,"b\udc00"\n')).toEqual([
      ["+1", "a\ufffd"],
      ["+2", "b\ufffd"],
    ]);
  });

  it("refuses text after a closing quote, naming its line", () => {
    expect(() => parseCsv('phone,note\n+1,"a\r\nb"\n+2,"x\ny"z\n')).toThrowError(
      new RecipientsInputError(
        'Line 5 has text right after the closing quote of a quoted value. Put the whole value inside the quotes (a " inside it is written "") and upload again.',
        5,
      ),
    );
  });

  it("names the line of the unclosed quote when earlier values of its row span lines", () => {
    const text = 'phone,a,b\r\n\r\n+1,"x\r\ny","Bob\r\n+2,""Cy""\r\n';
    expect(() => parseCsv(text)).toThrowError(
      new RecipientsInputError(`A quoted value that starts on line 4 is never closed. Check for a missing " and upload again.`, 4),
    );
  });

  it("keeps a quote in the middle of an unquoted value as text", () => {
    expect(cellsOf('phone,item\n+1,5" screen\n')).toEqual([["+1", '5" screen']]);
  });

  it("drops a byte order mark left in the text", () => {
    expect(parseCsv("\uFEFFphone,name\n+1,Ann\n").header).toEqual(["phone", "name"]);
  });

  it("names the line where a never-closed quote starts", () => {
    const text = 'phone,name\n+1,Ann\n+2,"Bob\n+3,Cy\n+4,Di\n';
    // The error carries the line too, for the composer to point at it.
    expect(() => parseCsv(text)).toThrowError(
      new RecipientsInputError(`A quoted value that starts on line 3 is never closed. Check for a missing " and upload again.`, 3),
    );
  });

  it("refuses two columns with the same name, since mapping is by name", () => {
    expect(() => parseCsv("phone,name,phone\n1,2,3\n")).toThrow('Columns 1 and 3 are both named "phone"');
  });

  it("reports the first problem in the file, as an upload's reading does", () => {
    expect(() => parseCsv('phone,phone\n+1,"never closed\n')).toThrow('Columns 1 and 2 are both named "phone"');
  });

  it("refuses an empty file", () => {
    expect(() => parseCsv("\r\n\r\n")).toThrow("The file is empty.");
  });

  it("parses 100,000 rows into the right number of rows", () => {
    const lines = ["phone,name,city"];
    for (let i = 0; i < 100_000; i++) lines.push(i % 10 === 0 ? `+1415555${String(i).padStart(4, "0")},"Doe, J",Leeds` : `+1415555${i},Ann,Leeds`);
    const table = parseCsv(lines.join("\n"));
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual({ line: 100_001, cells: ["+141555599999", "Ann", "Leeds"] });
    expect(table.rows[10]!.cells[1]).toBe("Doe, J");
  });

  it("refuses more rows than the limit, naming the first line over it", () => {
    const error = (() => {
      try {
        parseCsv("phone\n" + "1\n".repeat(MAX_RECIPIENT_ROWS + 1));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toEqual(new RecipientsInputError(tooManyRowsMessage("more"), MAX_RECIPIENT_ROWS + 2));
  });

  it("takes exactly the limit, with the padding lines spreadsheets add besides", () => {
    const table = parseCsv("phone\n" + ",\n".repeat(3) + "1\n".repeat(MAX_RECIPIENT_ROWS) + ",\n");
    expect(table.rows).toHaveLength(MAX_RECIPIENT_ROWS);
    expect(table.rows.at(-1)!.line).toBe(MAX_RECIPIENT_ROWS + 4);
  });
});
