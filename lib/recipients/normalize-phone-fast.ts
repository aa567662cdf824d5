// What libphonenumber-js's parsePhoneNumberWithError (1.13, extract: false) makes of the plain way nearly every
// recipient list writes its numbers: an optional "+" then digits, spaces, hyphens, dots and brackets. Each step mirrors
// the library function named beside it, on patterns compiled once (normalize-phone-plans.ts); a cell of any other
// shape, or one that reaches a corner not mirrored here, is left to the library. normalize-phone-fast.test.ts holds
// the two to the same answers.
import metadata from "libphonenumber-js/max/metadata";
import { countriesOfCallingCode, isKnownCallingCode, numberingPlan, type NumberingPlan } from "./normalize-phone-plans";
import { numberType } from "./phone-validity";

export interface PlainPhone {
  callingCode: string;
  nationalNumber: string;
  /** The country the library settles on; undefined when the calling code's countries cannot tell (or it has none). */
  country: string | undefined;
}

/** The ParseError codes this path can raise itself. */
export type PlainPhoneError = "INVALID_COUNTRY" | "TOO_SHORT" | "TOO_LONG";

export type NumberLength = "IS_POSSIBLE" | "TOO_SHORT" | "TOO_LONG" | "INVALID_LENGTH";

// ASCII digits and the punctuation people type; no "+" after the first character, no letters, no extension marks.
// Such a cell is always "viable" to the library once it has three digits, and never has an extension.
const PLAIN = /^\+?[0-9 ().-]+$/;
const NON_DIGITS = /\D/g;
// The library's limits on a national (significant) number.
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;
// Far above any real number, far below the library's 250-character cut-off.
const MAX_PLAIN_LENGTH = 64;

/**
 * The parse of a trimmed cell, the error the library would throw for it, or undefined when the cell is not plain
 * enough to be sure (the caller then asks the library).
 */
export function parsePlainPhone(text: string, defaultCountry: string | undefined): PlainPhone | PlainPhoneError | undefined {
  if (text.length > MAX_PLAIN_LENGTH || !PLAIN.test(text)) return undefined;
  // parse() refuses an unknown default country; a default the library would ignore ("") is not mirrored.
  if (defaultCountry !== undefined && !Object.prototype.hasOwnProperty.call(metadata.countries, defaultCountry)) return undefined;
  const digits = text.replace(NON_DIGITS, "");
  // Fewer digits is "not viable" or "too short" in ways not mirrored here.
  if (digits.length < 3) return undefined;
  if (text.charCodeAt(0) === 43 /* + */) return international(digits);
  if (defaultCountry === undefined) return "INVALID_COUNTRY";
  return national(digits, defaultCountry);
}

/** checkNumberLength: how a national number's length fits a plan; undefined for a plan without possible lengths. */
export function numberLength(nationalNumber: string, plan: NumberingPlan): NumberLength | undefined {
  const lengths = plan.possibleLengths;
  if (lengths === undefined) return undefined;
  const length = nationalNumber.length;
  const shortest = lengths[0]!;
  if (shortest === length) return "IS_POSSIBLE";
  if (shortest > length) return "TOO_SHORT";
  if (lengths[lengths.length - 1]! < length) return "TOO_LONG";
  return lengths.indexOf(length, 1) >= 0 ? "IS_POSSIBLE" : "INVALID_LENGTH";
}

/** extractCountryCallingCode for "+digits": the first known 1–3 digit prefix is the calling code. */
function international(digits: string): PlainPhone | PlainPhoneError | undefined {
  // No calling code starts with 0 (the library gives up on the number there).
  if (digits.charCodeAt(0) === 48) return undefined;
  for (let end = 1; end <= 3 && end <= digits.length; end++) {
    const callingCode = digits.slice(0, end);
    if (!isKnownCallingCode(callingCode)) continue;
    const rest = digits.slice(end);
    // A calling code and nothing after it is "too short" by a route not mirrored here.
    return rest === "" ? undefined : complete(callingCode, undefined, rest);
  }
  return undefined;
}

/** extractCountryCallingCode for digits without "+", with a default country. */
function national(digits: string, defaultCountry: string): PlainPhone | PlainPhoneError | undefined {
  const plan = numberingPlan(defaultCountry);
  // stripIddPrefix: "011 44 …" dialled from the US is an international number.
  if (digits.search(plan.iddPrefix) === 0) {
    const afterIdd = digits.slice(digits.match(plan.iddPrefix)![0].length);
    if (afterIdd !== "" && afterIdd !== digits && afterIdd.charCodeAt(0) !== 48) return international(afterIdd);
  }
  // extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: "1 206 …" with US, "44 20 …" with GB.
  if (digits.startsWith(plan.callingCode)) {
    const shorter = digits.slice(plan.callingCode.length);
    const shorterNational = extractNationalNumber(shorter, plan);
    const wholeNational = extractNationalNumber(digits, plan);
    const better = !plan.national.test(wholeNational) && plan.national.test(shorterNational);
    if (better || numberLength(wholeNational, plan) === "TOO_LONG") {
      return shorter === "" ? undefined : complete(plan.callingCode, undefined, shorter);
    }
  }
  return complete(plan.callingCode, defaultCountry, digits);
}

/** The rest of parse(): national prefix off, then the exact country among those sharing the calling code. */
function complete(callingCode: string, defaultCountry: string | undefined, number: string): PlainPhone | PlainPhoneError {
  const nationalNumber = extractNationalNumber(number, numberingPlan(defaultCountry ?? callingCode));
  const country = countryByCallingCode(callingCode, nationalNumber) ?? defaultCountry;
  if (nationalNumber.length < MIN_NATIONAL) return "TOO_SHORT";
  if (nationalNumber.length > MAX_NATIONAL) return "TOO_LONG";
  return { callingCode, nationalNumber, country };
}

/** extractNationalNumber: strip a national prefix (and carrier code) only when what is left still looks complete. */
function extractNationalNumber(number: string, plan: NumberingPlan): string {
  const stripped = stripNationalPrefix(number, plan);
  if (stripped === number) return number;
  // shouldHaveExtractedNationalPrefix: Russia's 8 800… is a whole number as written.
  if (plan.national.test(number) && !plan.national.test(stripped)) return number;
  if (plan.possibleLengths !== undefined) {
    const country = countryByCallingCode(plan.callingCode, stripped);
    const length = numberLength(stripped, country === undefined ? plan : numberingPlan(country));
    if (length === "TOO_SHORT" || length === "INVALID_LENGTH") return number;
  }
  return stripped;
}

/** extractNationalNumberFromPossiblyIncompleteNumber, keeping only the national number. */
function stripNationalPrefix(number: string, plan: NumberingPlan): string {
  const prefix = plan.nationalPrefixForParsing;
  if (number === "" || prefix === undefined) return number;
  const match = prefix.exec(number);
  if (match === null) return number;
  const groups = match.length - 1;
  const capturedSomething = groups > 0 && Boolean(match[groups]);
  if (plan.nationalPrefixTransformRule !== undefined && capturedSomething) return number.replace(prefix, plan.nationalPrefixTransformRule);
  return number.slice(match[0].length);
}

/** getCountryByCallingCode + getCountryByNationalNumber: the first country whose leading digits or number types fit. */
function countryByCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  const countries = countriesOfCallingCode(callingCode);
  if (countries === undefined) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const leadingDigits = numberingPlan(country).leadingDigits;
    if (leadingDigits !== undefined) {
      if (nationalNumber !== "" && nationalNumber.search(leadingDigits) === 0) return country;
    } else if (numberType(nationalNumber, country) !== undefined) {
      return country;
    }
  }
  return undefined;
}
