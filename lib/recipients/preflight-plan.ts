// Everything preflight can check once instead of per row: the mapping against the header, the options, and whether each
// variable the message needs has somewhere to come from (placeholder-match.ts decides where). Problems here concern the
// whole list, so they are thrown as one RecipientsInputError with field errors for the composer form, not repeated on
// every row.
import type { CountryCode } from "libphonenumber-js/core";
import { ATTRIBUTE_BYTE_LIMIT, isAttributeKey, utf8ByteLength } from "./attributes";
import { RecipientsInputError } from "./input-error";
import { mappingColumnProblems, recipientMappingSchema, type RecipientMappingInput } from "./mapping";
import { isCountryCode } from "./normalize-phone";
import { placeholderProblemText, resolvePlaceholder, type PlaceholderSources } from "./placeholder-match";
import { compileTemplate, type CompiledTemplate } from "./placeholders";
import { createTimeZoneReader, type TimeZoneCell } from "./time-zone-cell";

export interface PreflightOptions {
  /** Country for numbers written without a country code (ISO 3166 alpha-2). */
  defaultCountry?: string;
  /** Countries the source number may message; numbers elsewhere are invalid. Left out: any country. */
  allowedCountries?: readonly string[];
  /** SMS: numbers the numbering plan marks as landlines (fixed line only) cannot receive the message. */
  rejectLandlines?: boolean;
  /** SMS text with {{placeholders}}; each valid row gets it rendered. */
  messageTemplate?: string;
  /** Variables a WhatsApp template needs; each row must provide them. */
  requiredVariables?: readonly string[];
  /** Attributes sent with every contact; they count towards each row's byte limit. */
  fixedAttributes?: Readonly<Record<string, string>>;
  /** Values for variables no column provides, and for rows whose column is empty. */
  fixedVariables?: Readonly<Record<string, string>>;
  isSuppressed?: (e164: string) => boolean;
  /** Contract §8.3: 32,768 UTF-8 bytes over all attribute keys and values of a contact. */
  attributeByteLimit?: number;
  /** Rows of each status kept in the report's samples; 20 when left out. */
  sampleSize?: number;
}

export interface VariableSource {
  name: string;
  /** Index of the column that provides it, or -1. */
  column: number;
  /** The recipient's name stands in for a variable called "name" when no column is mapped to it. */
  fromName: boolean;
  fixed: string | undefined;
  /** How the message reason names what is missing: `column "City" is empty`. */
  emptyHint: string;
}

export interface AttributeSource {
  key: string;
  column: number;
  keyBytes: number;
}

export interface PreflightPlan {
  columnCount: number;
  phoneColumn: number;
  nameColumn: number;
  timeZoneColumn: number;
  /** Reads the time zone column's cells (cached per distinct text); undefined for an empty cell. */
  timeZoneOf: (cell: string) => TimeZoneCell | undefined;
  attributes: AttributeSource[];
  variables: VariableSource[];
  fixedAttributeBytes: number;
  attributeByteLimit: number;
  template: CompiledTemplate | undefined;
  defaultCountry: CountryCode | undefined;
  allowedCountries: ReadonlySet<string> | undefined;
  rejectLandlines: boolean;
  /** "the source number is US", for the wrong-country reason. */
  allowedCountriesText: string;
  isSuppressed: ((e164: string) => boolean) | undefined;
  sampleSize: number;
}

export function planPreflight(header: readonly string[], mappingInput: RecipientMappingInput, options: PreflightOptions): PreflightPlan {
  const problems: Record<string, string> = {};
  const parsed = recipientMappingSchema.safeParse(mappingInput);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[issue.path.join(".") || "mapping"] ??= issue.message;
    throw setupError(problems);
  }
  const mapping = parsed.data;
  Object.assign(problems, mappingColumnProblems(mapping, header));

  const defaultCountry = options.defaultCountry?.toUpperCase();
  if (defaultCountry !== undefined && !isCountryCode(defaultCountry)) problems.defaultCountry = `"${options.defaultCountry}" is not a country code`;
  const allowed = options.allowedCountries?.map((country) => country.toUpperCase());
  const unknownAllowed = allowed?.find((country) => !isCountryCode(country));
  if (unknownAllowed !== undefined) problems.allowedCountries = `"${unknownAllowed}" is not a country code`;

  const index = new Map(header.map((name, i) => [name, i]));
  const columnOf = (name: string | undefined) => (name === undefined ? -1 : (index.get(name) ?? -1));

  const fixedAttributes = options.fixedAttributes ?? {};
  let fixedAttributeBytes = 0;
  for (const [key, value] of Object.entries(fixedAttributes)) {
    if (!isAttributeKey(key)) problems[`fixedAttributes.${key}`] = "Use only letters, digits, - and _";
    fixedAttributeBytes += utf8ByteLength(key) + utf8ByteLength(value);
  }
  const attributes: AttributeSource[] = [];
  for (const [column, key] of Object.entries(mapping.attributeColumns)) {
    // Both would set the same key; which one wins should be the user's choice, made visibly.
    if (Object.hasOwn(fixedAttributes, key)) problems[`attributeColumns.${column}`] = `${key} is also a fixed attribute`;
    attributes.push({ key, column: columnOf(column), keyBytes: utf8ByteLength(key) });
  }

  const fixedVariables = options.fixedVariables ?? {};
  for (const key of Object.keys(fixedVariables)) {
    if (!isAttributeKey(key)) problems[`fixedVariables.${key}`] = "Use only letters, digits, - and _";
  }
  const template = options.messageTemplate === undefined ? undefined : compileTemplate(options.messageTemplate);
  const columnOfVariable = new Map(Object.entries(mapping.variableColumns).map(([column, name]) => [name, column]));
  const sources: PlaceholderSources = {
    variables: [...columnOfVariable.keys()],
    hasNameColumn: mapping.nameColumn !== undefined,
    fixed: Object.keys(fixedVariables).filter((name) => fixedVariables[name]!.trim() !== ""),
    columns: header,
  };
  const variables: VariableSource[] = [];
  const need = (name: string, path: string, what: string) => {
    if (variables.some((source) => source.name === name)) return;
    const source = resolvePlaceholder(name, sources);
    if (source.kind === "missing" || source.kind === "ambiguous") problems[path] ??= placeholderProblemText(what, name, source);
    // A fixed value also stands in for a row whose column is empty.
    const fixed = sources.fixed.includes(name) ? fixedVariables[name] : undefined;
    const columnName =
      source.kind === "variable"
        ? columnOfVariable.get(name)
        : source.kind === "name"
          ? mapping.nameColumn
          : source.kind === "column"
            ? source.column
            : undefined;
    variables.push({
      name,
      column: columnOf(columnName),
      fromName: source.kind === "name",
      fixed,
      emptyHint: columnName === undefined ? "" : `column "${columnName}" is empty`,
    });
  };
  for (const name of Object.values(mapping.variableColumns)) need(name, "variableColumns", "The mapping sets");
  for (const name of options.requiredVariables ?? []) need(name.trim(), "requiredVariables", "The template needs");
  for (const name of template?.names ?? []) need(name, "messageTemplate", "The message uses");

  if (Object.keys(problems).length > 0) throw setupError(problems);
  return {
    columnCount: header.length,
    phoneColumn: columnOf(mapping.phoneColumn),
    nameColumn: columnOf(mapping.nameColumn),
    timeZoneColumn: columnOf(mapping.timeZoneColumn),
    timeZoneOf: createTimeZoneReader(),
    attributes,
    variables,
    fixedAttributeBytes,
    attributeByteLimit: options.attributeByteLimit ?? ATTRIBUTE_BYTE_LIMIT,
    template,
    defaultCountry: defaultCountry as CountryCode | undefined,
    allowedCountries: allowed === undefined ? undefined : new Set(allowed),
    rejectLandlines: options.rejectLandlines === true,
    allowedCountriesText:
      allowed === undefined ? "" : allowed.length === 1 ? `the source number is ${allowed[0]}` : `the source number sends to ${allowed.join(", ")}`,
    isSuppressed: options.isSuppressed,
    sampleSize: options.sampleSize ?? 20,
  };
}

function setupError(problems: Record<string, string>): RecipientsInputError {
  const messages = Object.values(problems);
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : "";
  // A lone question ("Did you mean {{City}}?") already ends its sentence.
  const end = more === "" && messages[0]!.endsWith("?") ? "" : ".";
  return new RecipientsInputError(`${messages[0]}${more}${end}`, undefined, problems);
}
