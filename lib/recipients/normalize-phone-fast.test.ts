import { isDeepStrictEqual } from "node:util";
import { parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/max/metadata";
import { describe, expect, it } from "vitest";
import { normalizePhone, normalizePhoneWithLibrary, type NormalizedPhone } from "./normalize-phone";
import { parsePlainPhone } from "./normalize-phone-fast";
import { benchmarkCells, COUNTRIES, edgeCells, nanpCells, randomCells } from "./normalize-phone-test-cases";

// The fast path must give exactly what the library gives, for every cell: a recipient's verdict, country and E.164
// cannot depend on which path read the number.
const DEFAULTS: (CountryCode | undefined)[] = ["US", "CA", "GB", "DE", "FR", "IN", "BR", "AU", "MX", "ES", "IT", "JM", "PR", "RU", "KZ", undefined];

interface Comparison {
  cases: number;
  /** Cells the fast path answered itself rather than handing to the library. */
  plain: number;
  outcomes: Map<string, number>;
  differences: string[];
}

/**
 * Each cell under each default country, fast path against the library-only reference. With `checkTypes`, the
 * reference's number types are also held to the library's own getType(), since both paths share phone-validity.ts.
 */
function compare(cells: readonly string[], defaults: readonly (CountryCode | undefined)[], checkTypes = false): Comparison {
  const result: Comparison = { cases: 0, plain: 0, outcomes: new Map(), differences: [] };
  for (const defaultCountry of defaults) {
    for (const cell of cells) {
      const expected = normalizePhoneWithLibrary(cell, defaultCountry);
      const actual = normalizePhone(cell, defaultCountry);
      result.cases += 1;
      if (parsePlainPhone(asPassed(cell, defaultCountry), defaultCountry) !== undefined) result.plain += 1;
      const outcome = expected.ok ? `ok ${expected.type}` : expected.problem;
      result.outcomes.set(outcome, (result.outcomes.get(outcome) ?? 0) + 1);
      if (checkTypes && expected.ok && !cell.includes(";phone-context=")) {
        const type = parsePhoneNumberWithError(asPassed(cell, defaultCountry), { defaultCountry, extract: false }, metadata).getType();
        if (type !== expected.type) result.differences.push(`${JSON.stringify(cell)} ${defaultCountry ?? "-"}: type ${expected.type}, library ${type}`);
      }
      if (isDeepStrictEqual(actual, expected)) continue;
      // libphonenumber-js tests a phone-context with a /g pattern, so its answer for such a cell alternates from one
      // call to the next; only the library reads those cells, so either of its answers is its own.
      if (cell.includes(";phone-context=") && libraryMayAnswer(cell, defaultCountry, actual)) continue;
      if (result.differences.length < 20) {
        result.differences.push(`${JSON.stringify(cell)} ${defaultCountry ?? "-"}: ${show(actual)} ≠ ${show(expected)}`);
      }
    }
  }
  return result;
}

function libraryMayAnswer(cell: string, defaultCountry: CountryCode | undefined, answer: NormalizedPhone): boolean {
  const next = [normalizePhoneWithLibrary(cell, defaultCountry), normalizePhoneWithLibrary(cell, defaultCountry)];
  return next.some((own) => isDeepStrictEqual(own, answer));
}

/** The text normalizePhone hands to the parser. */
function asPassed(cell: string, defaultCountry: string | undefined): string {
  const text = cell.trim();
  return defaultCountry === undefined && text.startsWith("00") ? `+${text.slice(2)}` : text;
}

function show(phone: NormalizedPhone): string {
  return JSON.stringify(phone, (_, value: unknown) => (value === undefined ? "<undefined>" : value));
}

// A tenth of the full comparison on every run keeps the suite quick; PHONE_DIFFERENTIAL_SCALE=1 runs all of it (3.2 million
// random cells, a few minutes) after a change to the fast path or a libphonenumber-js upgrade.
const SCALE = Number(process.env.PHONE_DIFFERENTIAL_SCALE ?? 0.1);
const BENCHMARK_CELLS = Math.round(200_000 * SCALE);
const RANDOM_CELLS = Math.round(200_000 * SCALE);

describe("normalizePhone (fast path) against libphonenumber-js", () => {
  it("agrees on the benchmark list, answering nearly all of it without the library", () => {
    const result = compare(benchmarkCells(BENCHMARK_CELLS), [undefined, "US"]);
    expect(result.differences).toEqual([]);
    expect(result.plain / result.cases).toBeGreaterThan(0.98);
    expect(result.outcomes.get("ok FIXED_LINE_OR_MOBILE")).toBeGreaterThan(BENCHMARK_CELLS * 2 * 0.95);
  }, 120_000);

  it("agrees on random numbers under every calling code, written every way, with each default country or none", () => {
    const result = compare(randomCells(RANDOM_CELLS, 1), DEFAULTS);
    expect(result.differences).toEqual([]);
    expect(result.cases).toBe(RANDOM_CELLS * DEFAULTS.length);
    expect(result.plain / result.cases).toBeGreaterThan(0.9);
    // Every verdict must be well represented, or agreement proves little.
    for (const outcome of ["ok MOBILE", "ok FIXED_LINE", "ok FIXED_LINE_OR_MOBILE", "not_possible", "not_valid", "no_country_code"]) {
      expect(result.outcomes.get(outcome), outcome).toBeGreaterThan(1_000 * SCALE);
    }
  }, 600_000);

  it("agrees with every country as the default", () => {
    const result = compare(randomCells(400, 2), COUNTRIES as CountryCode[], true);
    expect(result.differences).toEqual([]);
    expect(result.plain / result.cases).toBeGreaterThan(0.9);
  }, 300_000);

  it("agrees on every North American area code, in each NANP country's own default", () => {
    const nanp = metadata.country_calling_codes["1"] as CountryCode[];
    const step = Math.max(1, Math.round(1 / SCALE));
    const cells = nanpCells(3).filter((_, i) => i % step === 0);
    const result = compare(cells, [...nanp, "GB", undefined], true);
    expect(result.differences).toEqual([]);
    expect(result.plain / result.cases).toBeGreaterThan(0.95);
    expect(result.outcomes.get("ok FIXED_LINE_OR_MOBILE")).toBeGreaterThan(10_000 / step);
    expect(result.outcomes.get("ok TOLL_FREE")).toBeGreaterThan(100 / step);
  }, 300_000);

  it("agrees on national prefixes, toll-free, short and long numbers, and cells of other shapes", () => {
    const result = compare(edgeCells(4), [...DEFAULTS, "AR", "AG", "GG", "SM", "NF", "VA", "AX", "JP", "CO", "BY"], true);
    expect(result.differences).toEqual([]);
    for (const outcome of ["ok TOLL_FREE", "not_a_number", "extension", "empty", "no_country_code", "not_possible", "not_valid"]) {
      expect(result.outcomes.get(outcome), outcome).toBeGreaterThan(0);
    }
  }, 120_000);
});
