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
  types: { pattern: RegExp; lengths: readonly number[] | undefined }[];
  hasTypes: boolean;
}

// Declared without constructor arguments, it takes the metadata JSON at run time; selectNumberingPlan also takes a calling code.
const RuntimeMetadata = Metadata as unknown as new (json: typeof metadata) => MetadataRuntime;

const plans = new Map<string, CompiledPlan>();

/** True when `nationalNumber` is a valid number for `country` (or, with no country, the calling code's plan). */
export function isValidNationalNumber(nationalNumber: string, country: string | undefined, callingCode: string): boolean {
  const plan = compiledPlan(country ?? callingCode);
  if (!plan.national.test(nationalNumber)) return false;
  if (!plan.hasTypes) return true;
  for (const type of plan.types) {
    if (type.lengths !== undefined && !type.lengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
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
      types.push({ pattern: whole(pattern), lengths: definition.possibleLengths() });
    }
  }
  plan = { national: whole(meta.nationalNumberPattern()), types, hasTypes: meta.hasTypes() };
  plans.set(key, plan);
  return plan;
}

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}
