// The automation API's campaign body: the composer's schema, with recipients also accepted as a JSON array.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "@/lib/recipients/limits";
import { attributeKeySchema } from "@/lib/recipients/mapping";
import { campaignFieldsSchema, recipientsSchema } from "./schemas";

export const apiRecipientSchema = z.object({
  phone: safeText().trim().min(1, "Enter a phone number"),
  name: safeText().trim().max(256).optional(),
  /** The recipient's IANA time zone, judged by preflight like a list's time zone column; left out: the number's. */
  timeZone: safeText().trim().max(64).optional(),
  attributes: z.record(attributeKeySchema, safeText().max(32_767)).optional(),
});

export const apiCampaignSchema = campaignFieldsSchema.omit({ recipients: true }).extend({
  /** For recipients given as an array: the country of numbers written without a country code. */
  defaultCountry: recipientsSchema.shape.defaultCountry,
  recipients: z.union(
    [
      z
        .array(apiRecipientSchema)
        .min(1, "Give at least one recipient")
        .max(MAX_RECIPIENT_ROWS, { error: (issue) => tooManyRowsMessage(Array.isArray(issue.input) ? issue.input.length : "more") }),
      // CSV or pasted text inline, or the uploadId of a list sent to POST /api/v1/recipient-uploads, with its mapping.
      recipientsSchema,
    ],
    // Zod refuses an overlong array before reading its elements, as a failure of the whole branch, so the union would
    // only say "Invalid input": pass the length message on instead.
    {
      error: (issue) =>
        issue.code === "invalid_union"
          ? issue.errors.flat().find((i) => i.code === "too_big" && i.origin === "array" && i.path.length === 0)?.message
          : undefined,
    },
  ),
});

export type ApiCampaignInput = z.input<typeof apiCampaignSchema>;

// Plain RFC 4180 quoting; the spreadsheet-safe escaping of exports would change numbers such as "+1206…".
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Turns an array of recipients into the CSV the preflight reads, mapping each attribute to a column of its name, and
 * time zones (when any recipient has one) to a time zone column.
 */
export function toComposerInput({ defaultCountry, ...body }: z.output<typeof apiCampaignSchema>) {
  if (!Array.isArray(body.recipients)) return { ...body, recipients: body.recipients };
  const keys = Array.from(new Set(body.recipients.flatMap((r) => Object.keys(r.attributes ?? {}))));
  const zoned = body.recipients.some((r) => r.timeZone !== undefined && r.timeZone !== "");
  // Attribute columns are prefixed "attr:", so "timezone" cannot clash with one.
  const header = ["phone", "name", ...(zoned ? ["timezone"] : []), ...keys.map((k) => `attr:${k}`)];
  const lines = [
    header.join(","),
    ...body.recipients.map((r) =>
      [r.phone, r.name ?? "", ...(zoned ? [r.timeZone ?? ""] : []), ...keys.map((k) => r.attributes?.[k] ?? "")].map(cell).join(","),
    ),
  ];
  return {
    ...body,
    recipients: {
      format: "csv" as const,
      text: lines.join("\n"),
      mapping: {
        phoneColumn: "phone",
        nameColumn: "name",
        ...(zoned ? { timeZoneColumn: "timezone" } : {}),
        attributeColumns: Object.fromEntries(keys.map((k) => [`attr:${k}`, k])),
        variableColumns: {},
      },
      defaultCountry,
    },
  };
}
