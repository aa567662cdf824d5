import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-parse";
import { preflightRecipients } from "./preflight";
import { preflightReportCsv, preflightReportStream } from "./report-csv";

function report() {
  const csv = [
    "phone,name,tz",
    '+1 415 555 2671,"Smith, John",america/chicago',
    '415.555.2671,"=HYPERLINK(""http://x"")",',
    '12,"Ann ""Annie"" Lee",',
    '+14155552672,"@SUM(A1)",',
    "+14155552673,Bo,",
  ].join("\n");
  return preflightRecipients(
    parseCsv(csv),
    { phoneColumn: "phone", nameColumn: "name", timeZoneColumn: "tz" },
    { defaultCountry: "US", isSuppressed: (e164) => e164 === "+14155552672" },
  );
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keeps the byte order mark, which a default TextDecoder would drop.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const reader = stream.getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

describe("preflightReportCsv", () => {
  it("writes one line per row with status, reason, duplicate line and own time zone, quoting and neutralising what a spreadsheet would run", () => {
    const lines = preflightReportCsv(report().rows).split("\r\n");
    expect(lines).toEqual([
      "\uFEFFline,status,phone,e164,name,reason,duplicate_of_line,time_zone",
      `2,valid,"'+1 415 555 2671","'+14155552671","Smith, John",,,America/Chicago`,
      `3,duplicate,415.555.2671,"'+14155552671","'=HYPERLINK(""http://x"")",same number as line 2,2,`,
      `4,invalid,12,,"Ann ""Annie"" Lee",too short for US,,`,
      `5,suppressed,"'+14155552672","'+14155552672","'@SUM(A1)",on the suppression list,,`,
      `6,valid,"'+14155552673","'+14155552673",Bo,,,`,
      "",
    ]);
  });

  it("streams the same bytes as the string", async () => {
    const { rows } = report();
    expect(await readAll(preflightReportStream(rows))).toBe(preflightReportCsv(rows));
  });
});
