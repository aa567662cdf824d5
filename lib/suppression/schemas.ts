// Input schemas for the suppression list, shared by the forms (client) and the server actions and routes.
import { z } from "zod";
import { safeLines, safeText } from "@/lib/text/safe-text";
import { MAX_IMPORT_BYTES } from "./limits";

export * from "./limits";

const phoneInput = safeText({ error: "Enter a phone number" }).trim().min(1, "Enter a phone number").max(40, "Use at most 40 characters");

/** Two letters (ISO 3166), used for numbers written without +country code. Empty means none. */
export const defaultCountrySchema = safeText()
  .trim()
  .optional()
  .transform((v) => (v ? v.toUpperCase() : undefined))
  .pipe(
    safeText()
      .regex(/^[A-Z]{2}$/, "Use the two-letter country code, like GB or US")
      .optional(),
  );

const reasonSchema = (missing: string) => safeText({ error: missing }).trim().min(1, missing).max(500, "Use at most 500 characters");

export const addSuppressionSchema = z.object({
  phone: phoneInput,
  defaultCountry: defaultCountrySchema,
  reason: reasonSchema("Say why this number must not be contacted"),
});

export const removeSuppressionSchema = z.object({
  phone: phoneInput,
  reason: reasonSchema("Say why this number may be contacted again"),
});

const importText = safeLines()
  .max(MAX_IMPORT_BYTES, "The import is larger than 16 MB: split it into smaller files")
  .optional()
  .transform((v) => (v && v.trim() ? v : undefined));

/** Either a CSV file's text or one number per line, never both. */
export const importSuppressionsSchema = z
  .object({
    csvText: importText,
    lines: importText,
    defaultCountry: defaultCountrySchema,
    reason: reasonSchema("Say why these numbers must not be contacted"),
  })
  .superRefine((v, ctx) => {
    if (!v.csvText && !v.lines) ctx.addIssue({ code: "custom", path: ["lines"], message: "Choose a CSV file or enter numbers, one per line" });
    if (v.csvText && v.lines) ctx.addIssue({ code: "custom", path: ["lines"], message: "Choose a CSV file or enter numbers, not both" });
  });

/** A page cursor: the last row's time (microseconds, UTC) and number, as the list route hands it out. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(\S{1,40})$/;

export const suppressionFilterSchema = z.object({
  q: safeText()
    .trim()
    .max(100, "Use at most 100 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
  cursor: safeText()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const m = CURSOR.exec(v);
      if (!m) {
        ctx.addIssue({ code: "custom", message: "is not a page of this list" });
        return z.NEVER;
      }
      return { at: m[1]!, phone: m[2]! };
    }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AddSuppressionInput = z.input<typeof addSuppressionSchema>;
export type RemoveSuppressionInput = z.input<typeof removeSuppressionSchema>;
export type ImportSuppressionsInput = z.input<typeof importSuppressionsSchema>;
export type SuppressionFilter = z.output<typeof suppressionFilterSchema>;
export type SuppressionCursor = NonNullable<SuppressionFilter["cursor"]>;

export function encodeCursor(c: SuppressionCursor): string {
  return `${c.at}|${c.phone}`;
}
