// The audit log's filter input: one zod schema for the page's form, the list route and the CSV export.
import { z } from "zod";

const optText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));

const optDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a valid date and time" });
      return z.NEVER;
    }
    return d;
  });

export const auditFilterSchema = z
  .object({
    actor: optText,
    action: optText,
    target: optText,
    from: optDate,
    to: optDate,
    cursor: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must be after the start of the range" });

export type AuditFilter = z.output<typeof auditFilterSchema>;
