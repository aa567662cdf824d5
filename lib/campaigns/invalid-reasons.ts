// Why rows cannot be sent, grouped: the summary names the main reasons with counts, and a fix where one is known (a
// list written without country codes is usually the source number's country). Plain data: safe for the browser.
import type { InvalidProblem } from "@/lib/recipients/preflight-types";

export interface InvalidReason {
  problem: InvalidProblem;
  count: number;
  /** "303 rows have no country code", to be read on its own. */
  text: string;
  /** A setting that would make these rows valid, offered to the user ("Treat them as US…?"), never applied unasked. */
  fix?: { defaultCountry: string; text: string };
}

const rows = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`;
const has = (n: number) => (n === 1 ? "has" : "have");
const is = (n: number) => (n === 1 ? "is" : "are");

function describe(problem: InvalidProblem, n: number, sourceCountry: string | undefined): string {
  switch (problem) {
    case "no_country_code":
      return `${rows(n)} ${has(n)} no country code and no default country applies`;
    case "wrong_country":
      return `${rows(n)} ${n === 1 ? "is a number" : "are numbers"} outside ${sourceCountry ?? "the source number's country"}: SMS from this number reaches numbers in its own country only`;
    case "landline":
      return `${rows(n)} ${n === 1 ? "is a landline" : "are landlines"}, which cannot receive SMS`;
    case "empty":
      return `${rows(n)} ${has(n)} no phone number`;
    case "not_a_number":
      return `${rows(n)} ${is(n)} not phone numbers (or use an unknown country code)`;
    case "not_possible":
      return `${rows(n)} ${is(n)} too short or too long for their country`;
    case "not_valid":
      return `${rows(n)} ${is(n)} not valid numbers for their country`;
    case "extension":
      return `${rows(n)} ${has(n)} an extension, which a message cannot reach`;
    case "unknown_time_zone":
      return `${rows(n)} ${has(n)} a time zone that is not an IANA name (such as America/Chicago); empty cells use the number's zone`;
    case "missing_value":
      return `${rows(n)} ${is(n)} missing a value the message needs`;
    case "attributes_too_large":
      return `${rows(n)} ${has(n)} contact attributes over Connect's size limit`;
    case "too_few_columns":
      return `${rows(n)} ${has(n)} fewer columns than the header`;
    case "too_many_columns":
      return `${rows(n)} ${has(n)} more columns than the header (a value with a comma may need quotes)`;
  }
}

/**
 * The reasons in order of how many rows they cost. `sourceCountry` is the source number's country; `defaultCountry`
 * the one the list is read with, if any: rows without a country code are offered the source number's country only
 * when no default country is set.
 */
export function invalidReasons(
  byProblem: Partial<Record<InvalidProblem, number>>,
  sourceCountry: string | undefined,
  defaultCountry: string | undefined,
): InvalidReason[] {
  return (Object.entries(byProblem) as [InvalidProblem, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([problem, count]) => {
      const reason: InvalidReason = { problem, count, text: describe(problem, count, sourceCountry) };
      if (problem === "no_country_code" && sourceCountry && !defaultCountry) {
        reason.fix = { defaultCountry: sourceCountry, text: `Treat them as ${sourceCountry}, the source number's country?` };
      }
      return reason;
    });
}

/** The share of rows that are invalid, 0 for an empty list. */
export function invalidShare(counts: { invalid: number }, total: number): number {
  return total > 0 ? counts.invalid / total : 0;
}
