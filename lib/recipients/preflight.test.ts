import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-parse";
import { RecipientsInputError } from "./input-error";
import type { RecipientMappingInput } from "./mapping";
import { createPreflightChecker, preflightRecipients, preflightRecipientsAsync } from "./preflight";
import type { PreflightOptions } from "./preflight-plan";
import { PREFLIGHT_STATUSES, type PreflightRow } from "./preflight-types";

const MAPPING: RecipientMappingInput = { phoneColumn: "phone", nameColumn: "name", variableColumns: { city: "city" } };

function run(csv: string, options: PreflightOptions = {}, mapping: RecipientMappingInput = MAPPING) {
  return preflightRecipients(parseCsv(csv), mapping, { defaultCountry: "US", ...options });
}

function setupError(fn: () => unknown): RecipientsInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RecipientsInputError) return error;
    throw error;
  }
  throw new Error("expected a RecipientsInputError");
}

describe("preflightRecipients", () => {
  it("turns a good row into a recipient with E.164, name, variables, attributes and the rendered message", () => {
    const report = run(
      "phone,name,city,order\n(415) 555-2671, Zoë ,Leeds,A-1\n",
      { messageTemplate: "Hi {{name}}, collect in {{ city }}." },
      {
        ...MAPPING,
        attributeColumns: { order: "orderId" },
      },
    );
    expect(report.rows).toEqual([
      {
        status: "valid",
        line: 2,
        phoneRaw: "(415) 555-2671",
        name: "Zoë",
        e164: "+14155552671",
        country: "US",
        attributes: { orderId: "A-1" },
        variables: { city: "Leeds", name: "Zoë" },
        message: "Hi Zoë, collect in Leeds.",
      },
    ]);
  });

  it("accounts for every row exactly once, and counts add up to the total", () => {
    const csv = [
      "phone,name,city",
      "+14155552671,Ann,Leeds",
      "not a number,Bob,Leeds",
      "(415) 555-2671,Ann again,Leeds",
      "+14155552672,Cy,Leeds",
      "+14155552673,Di",
    ].join("\n");
    const report = run(csv, { isSuppressed: (e164) => e164 === "+14155552672" });
    expect(report.rows.map((row) => [row.line, row.status])).toEqual([
      [2, "valid"],
      [3, "invalid"],
      [4, "duplicate"],
      [5, "suppressed"],
      [6, "invalid"],
    ]);
    expect(report.total).toBe(5);
    expect(report.counts).toEqual({ valid: 1, invalid: 2, duplicate: 1, suppressed: 1 });
    expect(PREFLIGHT_STATUSES.reduce((sum, status) => sum + report.counts[status], 0)).toBe(report.total);
    expect(report.invalidByProblem).toEqual({ not_a_number: 1, too_few_columns: 1 });
  });

  it("marks a repeat of a number, however it is written, as a duplicate of the first line", () => {
    const report = run("phone,name,city\n+1 415 555 2671,Ann,Leeds\n415.555.2671,Ann,Leeds\n1-415-555-2671,Ann,Leeds\n");
    expect(report.rows[1]).toMatchObject({ status: "duplicate", e164: "+14155552671", duplicateOfLine: 2, reason: "same number as line 2" });
    expect(report.rows[2]).toMatchObject({ status: "duplicate", duplicateOfLine: 2 });
  });

  it("does not let an invalid first copy hide a good second one", () => {
    const report = run("phone,name,city\n+14155552671,Ann,\n+14155552671,Ann,Leeds\n+14155552671,Ann,York\n");
    expect(report.rows.map((row) => row.status)).toEqual(["invalid", "valid", "duplicate"]);
    expect(report.rows[2]).toMatchObject({ duplicateOfLine: 3 });
  });

  it("marks numbers on the suppression list as suppressed, every time they appear", () => {
    const suppressed = new Set(["+447400123456"]);
    const report = run("phone,name,city\n+44 7400 123456,Ann,Leeds\n+447400123456,Ann,Leeds\n", { isSuppressed: (e164) => suppressed.has(e164) });
    expect(report.rows.map((row) => [row.status, row.status === "valid" ? "" : row.reason])).toEqual([
      ["suppressed", "on the suppression list"],
      ["suppressed", "on the suppression list"],
    ]);
  });

  it("refuses numbers in a country the source number does not serve", () => {
    const report = run("phone,name,city\n+44 7400 123456,Ann,Leeds\n+1 415 555 2671,Bob,Austin\n", { allowedCountries: ["us"] });
    expect(report.rows[0]).toMatchObject({
      status: "invalid",
      problem: "wrong_country",
      reason: "wrong country for the source number (+44 is GB, the source number is US)",
      e164: "+447400123456",
    });
    expect(report.rows[1]!.status).toBe("valid");
  });

  it("refuses landlines for SMS, and only for SMS", () => {
    const csv = "phone,name,city\n+44 20 7946 0958,Office,London\n+44 7400 123456,Ann,Leeds\n+1 415 555 2671,Bob,Austin\n";
    const sms = run(csv, { rejectLandlines: true });
    expect(sms.rows.map((row) => [row.status, row.status === "invalid" ? row.problem : ""])).toEqual([
      ["invalid", "landline"],
      ["valid", ""],
      // North American plans cannot tell a landline from a mobile: such numbers stay valid.
      ["valid", ""],
    ]);
    expect(sms.rows[0]).toMatchObject({ reason: "a landline number, which cannot receive SMS", e164: "+442079460958" });
    expect(run(csv, {}).rows.map((row) => row.status)).toEqual(["valid", "valid", "valid"]);
  });

  it("gives the phone reason for each kind of bad number", () => {
    const report = run("phone,name,city\n,A,x\n555-0100,B,x\n+1 555 555 0100,C,x\n+999 1234567,D,x\n", {}, MAPPING);
    expect(report.rows.map((row) => row.status === "invalid" && [row.problem, row.reason])).toEqual([
      ["empty", "no phone number"],
      ["not_possible", "too short for US"],
      ["not_valid", "not a valid number for US"],
      ["not_a_number", "unknown country code"],
    ]);
  });

  it("needs a country code on every number when there is no default country", () => {
    const report = preflightRecipients(parseCsv("phone\n020 7946 0958\n+44 20 7946 0958\n"), { phoneColumn: "phone" });
    expect(report.rows.map((row) => row.status)).toEqual(["invalid", "valid"]);
    expect(report.rows[0]).toMatchObject({ problem: "no_country_code" });
  });

  describe("a time zone column", () => {
    const ZONED: RecipientMappingInput = { phoneColumn: "phone", timeZoneColumn: "tz" };
    const zoned = (csv: string) => run(csv, {}, ZONED);

    it("gives a row the zone it names, spelt as Intl spells it, and leaves an empty cell to the number's zones", () => {
      const report = zoned("phone,tz\n+12125550100,Asia/Tokyo\n+12125550101,america/chicago\n+12125550102,\n+12125550103,  \n");
      expect(report.rows.map((row) => [row.status, row.status === "valid" ? row.timeZone : row.reason])).toEqual([
        ["valid", "Asia/Tokyo"],
        ["valid", "America/Chicago"],
        ["valid", undefined],
        ["valid", undefined],
      ]);
      // A row without its own zone carries no timeZone key at all.
      expect(report.rows[2]).not.toHaveProperty("timeZone");
    });

    it("refuses a row whose zone is unknown, naming it, and counts it under its own problem", () => {
      const report = zoned("phone,tz\n+12125550100,Mars/Olympus\n+12125550101,Asia/Tokyo\n");
      expect(report.rows[0]).toEqual({
        status: "invalid",
        line: 2,
        phoneRaw: "+12125550100",
        name: undefined,
        problem: "unknown_time_zone",
        reason: 'unknown time zone "Mars/Olympus"',
        e164: "+12125550100",
        country: "US",
      });
      expect(report.invalidByProblem).toEqual({ unknown_time_zone: 1 });
    });

    it("judges the number first, and does not let a copy with a bad zone hide a good one", () => {
      const report = zoned("phone,tz\nnope,Mars/Olympus\n+12125550100,Mars/Olympus\n+12125550100,Europe/Paris\n+12125550100,Asia/Tokyo\n");
      expect(report.rows.map((row) => (row.status === "invalid" ? row.problem : row.status))).toEqual([
        "not_a_number",
        "unknown_time_zone",
        "valid",
        "duplicate",
      ]);
      expect(report.rows[2]).toMatchObject({ timeZone: "Europe/Paris" });
    });

    it("refuses a time zone column the file does not have before looking at rows", () => {
      const error = setupError(() => zoned("phone,zone\n+12125550100,Asia/Tokyo\n"));
      expect(error.fields).toEqual({ timeZoneColumn: 'The file has no column "tz"' });
    });
  });

  it("marks a row invalid when a mapped variable is empty, naming the column", () => {
    const report = run("phone,name,city\n+14155552671,Ann,  \n");
    expect(report.rows[0]).toMatchObject({ status: "invalid", problem: "missing_value", reason: 'missing a value for {{city}} (column "city" is empty)' });
  });

  it("uses a fixed value when a row's column is empty or no column provides it", () => {
    const report = run("phone,name,city\n+14155552671,,\n", {
      messageTemplate: "Hi {{name}}, see you in {{city}} at {{store}}",
      fixedVariables: { name: "there", city: "town", store: "Main St" },
    });
    expect(report.rows[0]).toMatchObject({ status: "valid", message: "Hi there, see you in town at Main St" });
  });

  it("requires the WhatsApp template's variables on each row", () => {
    const csv = "phone,name,city,code\n+14155552671,Ann,Leeds,X1\n+14155552672,Bob,Leeds,\n";
    const report = run(csv, { requiredVariables: ["1", "name"] }, { ...MAPPING, variableColumns: { city: "city", code: "1" } });
    expect(report.rows[0]).toMatchObject({ status: "valid", variables: { city: "Leeds", 1: "X1", name: "Ann" } });
    expect(report.rows[1]).toMatchObject({ status: "invalid", problem: "missing_value", reason: 'missing a value for {{1}} (column "code" is empty)' });
  });

  it("refuses a row whose attributes exceed 32,768 UTF-8 bytes, counting multi-byte characters as bytes", () => {
    // Key "note" (4 bytes) plus fixed "src":"web" (6 bytes) leave 32,758 bytes for the value; "é" takes 2 bytes.
    const fits = "é".repeat(16_379);
    const over = `${fits}a`;
    expect(fits.length).toBeLessThan(32_768 / 2);
    const csv = `phone,note\n+14155552671,${fits}\n+14155552672,${over}\n`;
    const report = preflightRecipients(parseCsv(csv), { phoneColumn: "phone", attributeColumns: { note: "note" } }, { fixedAttributes: { src: "web" } });
    expect(report.rows[0]!.status).toBe("valid");
    expect(report.rows[1]).toMatchObject({ status: "invalid", problem: "attributes_too_large", reason: "attributes take 32,769 bytes; the limit is 32,768" });
  });

  it("reports rows with fewer columns than the header, and rows with extra filled cells", () => {
    const report = run("phone,name,city\n+14155552671,Ann\n+14155552672,Smith, John,Leeds\n+14155552673,Cy,Leeds,,\n", {}, MAPPING);
    expect(report.rows.map((row) => row.status === "invalid" && row.problem)).toEqual(["too_few_columns", "too_many_columns", false]);
    expect(report.rows[0]).toMatchObject({ reason: "the row has 2 columns; the header has 3", phoneRaw: "+14155552671" });
  });

  it("keeps only the first rows of each status as samples", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `+1415555${String(1000 + i)},N${i},Leeds`);
    const report = run(`phone,name,city\n${rows.join("\n")}\nbad,X,Leeds\n`, { sampleSize: 5 });
    expect(report.samples.valid.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    expect(report.samples.invalid).toHaveLength(1);
    expect(report.rows).toHaveLength(31);
  });

  it("refuses a mapping the file cannot satisfy, with field errors, before looking at rows", () => {
    const error = setupError(() => run("phone,name\n+14155552671,Ann\n", { messageTemplate: "Hi {{first}}" }, { phoneColumn: "Phone", nameColumn: "name" }));
    expect(error.fields).toEqual({
      phoneColumn: 'The file has no column "Phone"',
      messageTemplate: "The message uses {{first}}, but no column or fixed value provides it",
    });
    expect(error.message).toBe('The file has no column "Phone" (and 1 more).');
  });

  it("fills a placeholder from the column of that name in any case or spacing, as if it were mapped", () => {
    const report = run(
      "phone,name,City,Order ID\n+14155552671,Ann,Leeds,A-1\n+14155552672,Bob,,A-2\n",
      { messageTemplate: "Hi {{name}}, order {{order id}} ({{Order_ID}}) is in {{city}}." },
      { phoneColumn: "phone", nameColumn: "name" },
    );
    expect(report.rows[0]).toMatchObject({
      status: "valid",
      variables: { name: "Ann", "order id": "A-1", Order_ID: "A-1", city: "Leeds" },
      message: "Hi Ann, order A-1 (A-1) is in Leeds.",
    });
    expect(report.rows[1]).toMatchObject({ status: "invalid", problem: "missing_value", reason: 'missing a value for {{city}} (column "City" is empty)' });
  });

  it("prefers a mapped variable and the name column over a column that merely matches", () => {
    const csv = "phone,name,Name,city,CITY\n+14155552671,Ann,Annie,Leeds,LEEDS\n";
    const report = run(csv, { messageTemplate: "{{name}} {{city}}" }, { phoneColumn: "phone", nameColumn: "name", variableColumns: { CITY: "city" } });
    expect(report.rows[0]).toMatchObject({ status: "valid", message: "Ann LEEDS" });
  });

  it("still refuses a placeholder that matches more than one column", () => {
    const error = setupError(() => run("phone,city,CITY\n+14155552671,Leeds,York\n", { messageTemplate: "In {{City}}" }, { phoneColumn: "phone" }));
    expect(error.fields).toEqual({
      messageTemplate:
        'The message uses {{City}}, but no column or fixed value provides it: more than one column matches it ("city", "CITY"). Map the one to use as a message variable',
    });
  });

  it("suggests the closest column or variable when nothing provides a placeholder", () => {
    const error = setupError(() => run("phone,City\n+14155552671,Leeds\n", { messageTemplate: "In {{cty}}" }, { phoneColumn: "phone" }));
    expect(error.fields).toEqual({ messageTemplate: "The message uses {{cty}}, but no column or fixed value provides it. Did you mean {{City}}?" });
    expect(error.message).toBe("The message uses {{cty}}, but no column or fixed value provides it. Did you mean {{City}}?");
  });

  it("finds a WhatsApp template's variables in columns of the same name too", () => {
    const report = run("phone,Order ID\n+14155552671,A-1\n", { requiredVariables: ["order_id"] }, { phoneColumn: "phone" });
    expect(report.rows[0]).toMatchObject({ status: "valid", variables: { order_id: "A-1" } });
  });

  it("refuses bad attribute keys, attribute clashes and unknown countries as setup problems", () => {
    const csv = "phone,id\n+14155552671,7\n";
    expect(setupError(() => run(csv, {}, { phoneColumn: "phone", attributeColumns: { id: "order id" } })).fields).toEqual({
      "attributeColumns.id": "Use only letters, digits, - and _",
    });
    expect(setupError(() => run(csv, { fixedAttributes: { orderId: "x" } }, { phoneColumn: "phone", attributeColumns: { id: "orderId" } })).fields).toEqual({
      "attributeColumns.id": "orderId is also a fixed attribute",
    });
    expect(setupError(() => run(csv, { defaultCountry: "XX", allowedCountries: ["UK"] }, { phoneColumn: "phone" })).fields).toEqual({
      defaultCountry: '"XX" is not a country code',
      allowedCountries: '"UK" is not a country code',
    });
  });
});

// Repeats of earlier numbers far apart (so they fall in later batches), a repeat whose first copy is invalid, bad
// numbers, a suppressed number, and rows of the wrong shape.
function mixedList(): string {
  const lines = ["phone,name,city"];
  for (let i = 0; i < 60; i++) {
    const n = 1000 + (i % 25);
    if (i % 11 === 5) lines.push(`not a number ${i},N${i},Leeds`);
    else if (i % 13 === 7) lines.push(`+1415555${n},N${i}`);
    else if (i % 17 === 3) lines.push(`+1415556${1000 + i},N${i},`);
    else lines.push(`(415) 555-${n},N${i},Leeds`);
  }
  return lines.join("\n");
}

describe("createPreflightChecker", () => {
  const options: PreflightOptions = { defaultCountry: "US", sampleSize: 4, isSuppressed: (e164) => e164 === "+14155551003" };

  it("gives, batch by batch, exactly what preflightRecipients gives for the whole list", () => {
    const table = parseCsv(mixedList());
    const whole = preflightRecipients(table, MAPPING, options);
    expect(whole.counts.duplicate).toBeGreaterThan(20);
    expect(Object.keys(whole.invalidByProblem).sort()).toEqual(["missing_value", "not_a_number", "too_few_columns"]);
    for (const size of [1, 2, 7, 25, 100]) {
      const checker = createPreflightChecker(table.header, MAPPING, options);
      const rows: PreflightRow[] = [];
      for (let from = 0; from < table.rows.length; from += size) rows.push(...checker.checkBatch(table.rows.slice(from, from + size)));
      expect({ ...checker.tally(), rows }, `batches of ${size}`).toEqual(whole);
    }
  });

  it("uses a batch's own suppression lookup in place of the list's", () => {
    const table = parseCsv("phone\n+14155551001\n+14155551002\n+14155551002\n+14155551001\n");
    const checker = createPreflightChecker(table.header, { phoneColumn: "phone" }, { isSuppressed: (e164) => e164 === "+14155551002" });
    const first = checker.checkBatch(table.rows.slice(0, 2), { isSuppressed: (e164) => e164 === "+14155551001" });
    const second = checker.checkBatch(table.rows.slice(2));
    expect([...first, ...second].map((row) => row.status)).toEqual(["suppressed", "valid", "suppressed", "valid"]);
  });

  it("hands out a tally that later batches leave as it was", () => {
    const table = parseCsv("phone\n+14155551001\nbad\n+14155551001\n");
    const checker = createPreflightChecker(table.header, { phoneColumn: "phone" });
    checker.checkBatch(table.rows.slice(0, 1));
    const early = checker.tally();
    checker.checkBatch(table.rows.slice(1));
    expect(early).toEqual({
      total: 1,
      counts: { valid: 1, invalid: 0, duplicate: 0, suppressed: 0 },
      invalidByProblem: {},
      samples: { valid: [expect.objectContaining({ line: 2 })], invalid: [], duplicate: [], suppressed: [] },
    });
    expect(checker.tally()).toMatchObject({ total: 3, counts: { valid: 1, invalid: 1, duplicate: 1, suppressed: 0 }, invalidByProblem: { not_a_number: 1 } });
  });

  it("refuses a mapping the header cannot satisfy before any batch", () => {
    expect(setupError(() => createPreflightChecker(["phone"], { phoneColumn: "Phone" })).fields).toEqual({ phoneColumn: 'The file has no column "Phone"' });
  });
});

describe("preflightRecipientsAsync", () => {
  it("gives preflightRecipients' report, checked in slices with progress after each", async () => {
    const table = parseCsv(mixedList());
    const progress: number[] = [];
    const report = await preflightRecipientsAsync(table, MAPPING, { defaultCountry: "US" }, { sliceRows: 25, onProgress: (rows) => progress.push(rows) });
    expect(report).toEqual(preflightRecipients(table, MAPPING, { defaultCountry: "US" }));
    expect(progress).toEqual([25, 50, 60]);
  });

  it("stops with the signal's reason", async () => {
    const table = parseCsv(mixedList());
    const controller = new AbortController();
    const reason = new Error("gone");
    const checking = preflightRecipientsAsync(
      table,
      MAPPING,
      { defaultCountry: "US" },
      { sliceRows: 10, signal: controller.signal, onProgress: () => controller.abort(reason) },
    );
    await expect(checking).rejects.toBe(reason);
  });
});
