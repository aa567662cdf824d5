// Which column holds what. The schema is shared by the composer form and the server, so both say the same thing.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { isAttributeKey } from "./attributes";

const KEY_MESSAGE = "Use only letters, digits, - and _";

/** Contact attribute key (contract §8.3). */
export const attributeKeySchema = safeText().trim().min(1, "Enter a key").refine(isAttributeKey, KEY_MESSAGE);

/**
 * Message variable name. Variables travel to Connect as template attributes, which have the same shape as contact
 * attributes, so the same charset applies; it also keeps every name writable as a {{placeholder}}.
 */
export const variableNameSchema = safeText().trim().min(1, "Enter a name").refine(isAttributeKey, KEY_MESSAGE);

export const recipientMappingSchema = z
  .object({
    phoneColumn: safeText().trim().min(1, "Choose the column that holds phone numbers"),
    nameColumn: safeText().trim().min(1, "Choose a column").optional(),
    /** A column of IANA time zone names; a row's own zone overrides its number's for the send window. */
    timeZoneColumn: safeText().trim().min(1, "Choose a column").optional(),
    /** column → attribute key */
    attributeColumns: z.record(safeText(), attributeKeySchema).default({}),
    /** column → variable name */
    variableColumns: z.record(safeText(), variableNameSchema).default({}),
  })
  .superRefine((mapping, ctx) => {
    // Phone numbers and names are never time zones: every row would be refused for one setup mistake.
    const zone = mapping.timeZoneColumn;
    if (zone !== undefined && (zone === mapping.phoneColumn || zone === mapping.nameColumn)) {
      const role = zone === mapping.phoneColumn ? "phone" : "name";
      ctx.addIssue({ code: "custom", path: ["timeZoneColumn"], message: `"${zone}" is already the ${role} column` });
    }
    // Two columns feeding one key would leave it to chance which value a contact gets.
    for (const field of ["attributeColumns", "variableColumns"] as const) {
      const firstColumnOf = new Map<string, string>();
      for (const [column, target] of Object.entries(mapping[field])) {
        const earlier = firstColumnOf.get(target);
        if (earlier === undefined) firstColumnOf.set(target, column);
        else ctx.addIssue({ code: "custom", path: [field, column], message: `"${earlier}" is already mapped to ${target}` });
      }
    }
  });

export type RecipientMapping = z.output<typeof recipientMappingSchema>;
export type RecipientMappingInput = z.input<typeof recipientMappingSchema>;

/** Field path → message for every mapped column the file does not have. */
export function mappingColumnProblems(mapping: RecipientMapping, header: readonly string[]): Record<string, string> {
  const columns = new Set(header);
  const problems: Record<string, string> = {};
  const check = (path: string, column: string | undefined) => {
    if (column !== undefined && !columns.has(column)) problems[path] = `The file has no column "${column}"`;
  };
  check("phoneColumn", mapping.phoneColumn);
  check("nameColumn", mapping.nameColumn);
  check("timeZoneColumn", mapping.timeZoneColumn);
  for (const column of Object.keys(mapping.attributeColumns)) check(`attributeColumns.${column}`, column);
  for (const column of Object.keys(mapping.variableColumns)) check(`variableColumns.${column}`, column);
  return problems;
}

// Apart from the schemas, so the composer can suggest columns without loading zod with the page.
export { suggestMapping, type MappingSuggestion } from "./mapping-suggest";
