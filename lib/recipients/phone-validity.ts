// The check libphonenumber-js's PhoneNumber#isValid() makes, with each pattern compiled once. The library builds a new
// RegExp from its (kilobyte-long) pattern text on every test, about 4 µs each, which made validity the largest cost of
// preflighting 100,000 rows. The logic mirrors its isValid/getNumberType (1.13); phone-validity.test.ts compares the two.
import { numberingPlan, type NumberType } from "./normalize-phone-plans";

/** True when `nationalNumber` is a valid number for `country` (or, with no country, the calling code's plan). */
export function isValidNationalNumber(nationalNumber: string, country: string | undefined, callingCode: string): boolean {
  return validNumberType(nationalNumber, country, callingCode) !== undefined;
}

/**
 * The kind of a valid number, as getNumberType names it ("FIXED_LINE_OR_MOBILE" where a plan cannot tell the two
 * apart, as in North America; "UNKNOWN" for a plan without per-type patterns); undefined when it is not valid.
 */
export function validNumberType(nationalNumber: string, country: string | undefined, callingCode: string): string | undefined {
  const plan = numberingPlan(country ?? callingCode);
  if (!plan.hasTypes) return plan.national.test(nationalNumber) ? "UNKNOWN" : undefined;
  return numberType(nationalNumber, country ?? callingCode);
}

/** getNumberType itself: undefined for a plan without per-type patterns, however well the number fits it. */
export function numberType(nationalNumber: string, countryOrCallingCode: string): string | undefined {
  const plan = numberingPlan(countryOrCallingCode);
  if (!plan.national.test(nationalNumber)) return undefined;
  for (const type of plan.types) {
    if (!fits(type, nationalNumber)) continue;
    if (type.name !== "FIXED_LINE") return type.name;
    // As getNumberType: a plan without its own mobile pattern (North America) cannot tell the two apart.
    const mobile = plan.types.find((t) => t.name === "MOBILE");
    return mobile === undefined || fits(mobile, nationalNumber) ? "FIXED_LINE_OR_MOBILE" : "FIXED_LINE";
  }
  return undefined;
}

function fits(type: NumberType, nationalNumber: string): boolean {
  return (type.lengths === undefined || type.lengths.includes(nationalNumber.length)) && type.pattern.test(nationalNumber);
}
