// Phone numbers as people write them → E.164, which is what Connect takes as a destination.
// The full ("max") metadata is used on both sides: with the smaller set, validity is only a length check, and the
// browser preview must reach the same verdict as the server.
import {
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from "libphonenumber-js/core";
import metadata from "libphonenumber-js/max/metadata";
import { numberLength, parsePlainPhone } from "./normalize-phone-fast";
import { numberingPlan } from "./normalize-phone-plans";
import { validNumberType } from "./phone-validity";

export type PhoneProblem = "empty" | "not_a_number" | "no_country_code" | "not_possible" | "not_valid" | "extension";

export type NormalizedPhone =
  | {
      ok: true;
      e164: string;
      country: string | undefined;
      callingCode: string;
      /** FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE…: what the numbering plan says this number is. */
      type: string;
    }
  | { ok: false; problem: PhoneProblem; reason: string; country?: string };

export function isCountryCode(value: string): value is CountryCode {
  return isSupportedCountry(value as CountryCode, metadata);
}

/**
 * Normalises one phone number. `defaultCountry` (ISO 3166 alpha-2) applies to numbers written without a country code,
 * e.g. "020 7946 0958" with GB. Reasons are lower-case phrases meant to follow "Line 12: ".
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): NormalizedPhone {
  let text = input.trim();
  if (text === "") return { ok: false, problem: "empty", reason: "no phone number" };
  // "00" starts an international number in most of the world; libphonenumber only knows that once it has a country.
  if (defaultCountry === undefined && text.startsWith("00")) text = `+${text.slice(2)}`;
  // It runs for every row of a list: plain cells take a path that gives the library's answers without its overhead.
  const plain = parsePlainPhone(text, defaultCountry);
  if (plain === undefined) return judgeWithLibrary(text, defaultCountry);
  if (typeof plain === "string") return parseFailure(plain, text);
  const { callingCode, nationalNumber } = plain;
  const country = plain.country ?? mainCountry(callingCode);
  const where = country ?? `+${callingCode}`;
  const length = numberLength(nationalNumber, numberingPlan(plain.country ?? callingCode));
  if (length === undefined) return judgeWithLibrary(text, defaultCountry);
  if (length !== "IS_POSSIBLE") return { ok: false, problem: "not_possible", reason: notPossibleReason(length, where), country };
  const type = validNumberType(nationalNumber, plain.country, callingCode);
  if (type === undefined) return { ok: false, problem: "not_valid", reason: `not a valid number for ${where}`, country };
  return { ok: true, e164: `+${callingCode}${nationalNumber}`, country: plain.country, callingCode, type };
}

/** normalizePhone entirely through libphonenumber-js: the reference the faster path is held to. */
export function normalizePhoneWithLibrary(input: string, defaultCountry?: CountryCode): NormalizedPhone {
  let text = input.trim();
  if (text === "") return { ok: false, problem: "empty", reason: "no phone number" };
  if (defaultCountry === undefined && text.startsWith("00")) text = `+${text.slice(2)}`;
  return judgeWithLibrary(text, defaultCountry);
}

function judgeWithLibrary(text: string, defaultCountry: CountryCode | undefined): NormalizedPhone {
  let phone: PhoneNumber;
  try {
    // extract: false — the whole cell must be the number, so "call 555-0100 after 5" is not quietly half-read.
    phone = parsePhoneNumberWithError(text, { defaultCountry, extract: false }, metadata);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return parseFailure(error.message, text);
  }
  const country = phone.country ?? mainCountry(phone.countryCallingCode);
  const where = country ?? `+${phone.countryCallingCode}`;
  if (!phone.isPossible()) {
    // PhoneNumber#validateLength is declared in the types but missing at run time in 1.13; this is the same check.
    const length = validatePhoneNumberLength(text, { defaultCountry }, metadata);
    return { ok: false, problem: "not_possible", reason: notPossibleReason(length, where), country };
  }
  const type = validNumberType(phone.nationalNumber, phone.country, phone.countryCallingCode);
  if (type === undefined) return { ok: false, problem: "not_valid", reason: `not a valid number for ${where}`, country };
  // A message cannot be delivered to an extension; sending to the main number would reach someone else.
  if (phone.ext) return { ok: false, problem: "extension", reason: `has an extension (${phone.ext}), which a message cannot reach`, country };
  return { ok: true, e164: phone.number, country: phone.country, callingCode: phone.countryCallingCode, type };
}

function notPossibleReason(length: string | undefined, where: string): string {
  return length === "TOO_SHORT" ? `too short for ${where}` : length === "TOO_LONG" ? `too long for ${where}` : `not a possible number for ${where}`;
}

/** The main country of a calling code (+1 → US, +44 → GB), for messages about numbers that fit no single country. */
export function mainCountry(callingCode: string): string | undefined {
  return metadata.country_calling_codes[callingCode]?.[0];
}

function parseFailure(code: string, text: string): NormalizedPhone {
  switch (code) {
    case "INVALID_COUNTRY":
      return /^\D*\+/.test(text)
        ? { ok: false, problem: "not_a_number", reason: "unknown country code" }
        : { ok: false, problem: "no_country_code", reason: "no country code, and no default country is set" };
    case "TOO_SHORT":
      return { ok: false, problem: "not_possible", reason: "too short to be a phone number" };
    case "TOO_LONG":
      return { ok: false, problem: "not_possible", reason: "too long to be a phone number" };
    default:
      return { ok: false, problem: "not_a_number", reason: "not a phone number" };
  }
}
