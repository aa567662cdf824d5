// The check libphonenumber-js's PhoneNumber#isValid() makes, with each pattern compiled once. The library builds a new
// RegExp from its (kilobyte-long) pattern text on every test, about 4 µs each, which made validity the largest cost of
// preflighting 100,000 rows. The logic mirrors its isValid/getNumberType (1.13); phone-validity.test.ts compares the two.
import { Metadata } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/max/metadata";

// Metadata's run-time API, beyond the part its type declarations list.
interface NumberTypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface MetadataRuntime {
  selectNumberingPlan(countryOrCallingCode: string): void;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): NumberTypeDefinition | undefined;
}

// FIXED_LINE first, then the order getNumberType tries the others; any match makes the number valid.
const TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

interface CompiledPlan {
  national: RegExp;
  /** Empty when the plan has no per-type patterns; then the national pattern alone decides. */
  types: { name: string; pattern: RegExp; lengths: readonly number[] | undefined }[];
  hasTypes: boolean;
}

// Declared without constructor arguments, it takes the metadata JSON at run time; selectNumberingPlan also takes a calling code.
const RuntimeMetadata = Metadata as unknown as new (json: typeof metadata) => MetadataRuntime;

const plans = new Map<string, CompiledPlan>();

/** True when `nationalNumber` is a valid number for `country` (or, with no country, the calling code's plan). */
export function isValidNationalNumber(nationalNumber: string, country: string | undefined, callingCode: string): boolean {
  return validNumberType(nationalNumber, country, callingCode) !== undefined;
}

/**
 * The kind of a valid number, as getNumberType names it ("FIXED_LINE_OR_MOBILE" where a plan cannot tell the two
 * apart, as in North America; "UNKNOWN" for a plan without per-type patterns); undefined when it is not valid.
 */
export function validNumberType(nationalNumber: string, country: string | undefined, callingCode: string): string | undefined {
  const plan = compiledPlan(country ?? callingCode);
  if (!plan.national.test(nationalNumber)) return undefined;
  if (!plan.hasTypes) return "UNKNOWN";
  for (const type of plan.types) {
    if (!fits(type, nationalNumber)) continue;
    if (type.name !== "FIXED_LINE") return type.name;
    // As getNumberType: a plan without its own mobile pattern (North America) cannot tell the two apart.
    const mobile = plan.types.find((t) => t.name === "MOBILE");
    return mobile === undefined || fits(mobile, nationalNumber) ? "FIXED_LINE_OR_MOBILE" : "FIXED_LINE";
  }
  return undefined;
}

function fits(type: CompiledPlan["types"][number], nationalNumber: string): boolean {
  return (type.lengths === undefined || type.lengths.includes(nationalNumber.length)) && type.pattern.test(nationalNumber);
}

function compiledPlan(key: string): CompiledPlan {
  let plan = plans.get(key);
  if (plan !== undefined) return plan;
  const meta = new RuntimeMetadata(metadata);
  meta.selectNumberingPlan(key);
  const types: CompiledPlan["types"] = [];
  if (meta.hasTypes()) {
    for (const name of TYPES) {
      const definition = meta.type(name);
      const pattern = definition?.pattern();
      if (definition === undefined || !pattern) continue;
      types.push({ name, pattern: whole(pattern), lengths: definition.possibleLengths() });
    }
  }
  plan = { national: whole(meta.nationalNumberPattern()), types, hasTypes: meta.hasTypes() };
  plans.set(key, plan);
  return plan;
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}
