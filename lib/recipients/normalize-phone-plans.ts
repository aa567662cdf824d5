// The numbering plans of the full ("max") metadata, read through libphonenumber-js's own accessors, with each pattern
// compiled once. The library compiles a pattern again on every use (some are kilobytes long), which made country
// detection and validity most of the cost of checking a recipient list. Used by phone-validity.ts and
// normalize-phone-fast.ts, which mirror the library's logic (1.13) on top of these.
import { Metadata } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/max/metadata";

// Metadata's run-time API, beyond the part its type declarations list. Absent values come back as 0 or undefined.
interface NumberTypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlanRuntime {
  callingCode(): string;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | 0 | undefined;
  nationalPrefixTransformRule(): string | 0 | undefined;
  leadingDigits(): string | 0 | undefined;
  hasTypes(): boolean;
  type(type: string): NumberTypeDefinition | undefined;
}
interface MetadataRuntime {
  numberingPlan: NumberingPlanRuntime;
  selectNumberingPlan(countryOrCallingCode: string): void;
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

// Declared without constructor arguments, it takes the metadata JSON at run time; selectNumberingPlan also takes a calling code.
const RuntimeMetadata = Metadata as unknown as new (json: typeof metadata) => MetadataRuntime;
const lookup = new RuntimeMetadata(metadata);

// FIXED_LINE first, then the order getNumberType tries the others.
const TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

export interface NumberType {
  name: string;
  pattern: RegExp;
  lengths: readonly number[] | undefined;
}

export interface NumberingPlan {
  callingCode: string;
  /** Unanchored, as the library uses it: only a match at the very start is an international prefix. */
  iddPrefix: RegExp;
  national: RegExp;
  possibleLengths: readonly number[] | undefined;
  /** Anchored at the start only, as the library builds it. */
  nationalPrefixForParsing: RegExp | undefined;
  nationalPrefixTransformRule: string | undefined;
  /** Unanchored; the library takes a match at the start as proof of the country. */
  leadingDigits: RegExp | undefined;
  hasTypes: boolean;
  /** Empty when the plan has no per-type patterns. */
  types: NumberType[];
}

const plans = new Map<string, NumberingPlan>();
const callingCodes = new Map<string, boolean>();
const countriesByCallingCode = new Map<string, readonly string[] | undefined>();

/** The plan selectNumberingPlan would pick for a country (GB) or a calling code (44: the main country's, or a non-geographic one). */
export function numberingPlan(countryOrCallingCode: string): NumberingPlan {
  let plan = plans.get(countryOrCallingCode);
  if (plan !== undefined) return plan;
  const meta = new RuntimeMetadata(metadata);
  meta.selectNumberingPlan(countryOrCallingCode);
  const source = meta.numberingPlan;
  const types: NumberType[] = [];
  if (source.hasTypes()) {
    for (const name of TYPES) {
      const definition = source.type(name);
      const pattern = definition?.pattern();
      if (definition === undefined || !pattern) continue;
      types.push({ name, pattern: whole(pattern), lengths: definition.possibleLengths() });
    }
  }
  const prefixForParsing = source.nationalPrefixForParsing();
  const leadingDigits = source.leadingDigits();
  plan = {
    callingCode: source.callingCode(),
    iddPrefix: new RegExp(source.IDDPrefix()),
    national: whole(source.nationalNumberPattern()),
    possibleLengths: source.possibleLengths(),
    nationalPrefixForParsing: prefixForParsing ? new RegExp(`^(?:${prefixForParsing})`) : undefined,
    nationalPrefixTransformRule: source.nationalPrefixTransformRule() || undefined,
    leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
    hasTypes: source.hasTypes(),
    types,
  };
  plans.set(countryOrCallingCode, plan);
  return plan;
}

/** Whether a calling code (without "+") is one the metadata knows, geographic or not. */
export function isKnownCallingCode(callingCode: string): boolean {
  let known = callingCodes.get(callingCode);
  if (known === undefined) {
    known = lookup.hasCallingCode(callingCode) === true;
    callingCodes.set(callingCode, known);
  }
  return known;
}

/** The countries sharing a calling code, main one first; undefined for a non-geographic code (+800). */
export function countriesOfCallingCode(callingCode: string): readonly string[] | undefined {
  if (countriesByCallingCode.has(callingCode)) return countriesByCallingCode.get(callingCode);
  const countries = lookup.getCountryCodesForCallingCode(callingCode);
  countriesByCallingCode.set(callingCode, countries);
  return countries;
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}
