import { describe, expect, it } from "vitest";
import { RecipientsInputError } from "./input-error";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "./limits";
import { parsePastedRecipients, pastedRows } from "./paste-parse";

describe("parsePastedRecipients", () => {
  it("reads one number per line, with an optional name after a comma, semicolon or tab", () => {
    const table = parsePastedRecipients("+1 415 555 2671\n+44 7400 123456, Ann Lee\r\n(415) 555-2672;Bob\n+14155552673\tCy\tLeeds\n");
    expect(table.header).toEqual(["phone", "name"]);
    expect(table.rows).toEqual([
      { line: 1, cells: ["+1 415 555 2671", ""] },
      { line: 2, cells: ["+44 7400 123456", "Ann Lee"] },
      { line: 3, cells: ["(415) 555-2672", "Bob"] },
      { line: 4, cells: ["+14155552673", "Cy"] },
    ]);
  });

  it("keeps a name with a comma whole and unquotes a quoted name", () => {
    expect(parsePastedRecipients('+1, Smith, John\n+2,"Doe, ""JD"""').rows.map((row) => row.cells[1])).toEqual(["Smith, John", 'Doe, "JD"']);
  });

  it("skips blank lines but keeps the line numbers of the rest", () => {
    expect(parsePastedRecipients("\n+1\n   \n+2\n").rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("drops a byte order mark and reads any mix of line ends", () => {
    expect(parsePastedRecipients("\uFEFF+1\r+2\r\n\r\n+3").rows).toEqual([
      { line: 1, cells: ["+1", ""] },
      { line: 2, cells: ["+2", ""] },
      { line: 4, cells: ["+3", ""] },
    ]);
  });

  it("takes exactly the limit and refuses one row more, naming its line", () => {
    expect(parsePastedRecipients("\n" + "1\n".repeat(MAX_RECIPIENT_ROWS)).rows).toHaveLength(MAX_RECIPIENT_ROWS);
    expect(() => parsePastedRecipients("\n" + "1\n".repeat(MAX_RECIPIENT_ROWS + 1))).toThrowError(
      new RecipientsInputError(tooManyRowsMessage("more"), MAX_RECIPIENT_ROWS + 2),
    );
  });

  it("refuses as soon as the rows pass the limit, without reading the rest", () => {
    const rows = pastedRows("1\n".repeat(MAX_RECIPIENT_ROWS + 5));
    let read = 0;
    expect(() => {
      for (const row of rows) read = row.line;
    }).toThrow(tooManyRowsMessage("more"));
    expect(read).toBe(MAX_RECIPIENT_ROWS);
  });
});
