// Settings an admin changes at run time. Pure: shared by the form and the action.
import { z } from "zod";
import { MAX_NUMBER_MESSAGES_PER_SECOND, WHATSAPP_DAILY_LIMITS } from "./capacity-limits";

export * from "./capacity-limits";

export const sendRateSchema = z.object({
  accountSendsPerSecond: z.coerce.number({ error: "Enter sends per second" }).positive("Must be above 0").max(10_000, "At most 10,000"),
});
export type SendRateInput = z.input<typeof sendRateSchema>;

const DAILY_LIMIT_CHOICES = ["unlimited", ...WHATSAPP_DAILY_LIMITS.map(String)] as const;

/** One source number's override, as a text box gives it: empty means the default for its type. */
const numberRateSchema = z
  .object({
    arn: z.string().trim().startsWith("arn:", "Not a phone number ARN").max(2_048, "Not a phone number ARN"),
    /** Only to name the number in messages; the ARN is what is stored. */
    phoneNumber: z.string().trim().max(64),
    // Checked below, so that every problem names the number: a text box gives text, an API caller may send a number.
    messagesPerSecond: z.unknown(),
  })
  .transform((row, ctx) => {
    const raw = typeof row.messagesPerSecond === "string" ? row.messagesPerSecond.trim() : row.messagesPerSecond;
    if (raw === null || raw === "") return { arn: row.arn, messagesPerSecond: null };
    const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
    const name = row.phoneNumber || row.arn;
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["messagesPerSecond"], message });
    if (!Number.isFinite(n)) issue(`Enter messages per second for ${name}, or leave it empty for the default`);
    else if (n <= 0) issue(`Messages per second for ${name} must be above 0`);
    else if (n > MAX_NUMBER_MESSAGES_PER_SECOND) issue(`Messages per second for ${name} is at most 1,000`);
    else return { arn: row.arn, messagesPerSecond: n };
    return z.NEVER;
  });

/**
 * Per-number throughput overrides and the WhatsApp portfolio's daily limit. `numbers` holds the numbers the admin saw;
 * one missing from it keeps its stored override.
 */
export const sendingCapacitySchema = z.object({
  numbers: z
    .array(numberRateSchema)
    .max(10_000, "At most 10,000 numbers at once")
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (seen.has(row.arn)) ctx.addIssue({ code: "custom", path: [i, "arn"], message: `${row.arn} is listed twice` });
        seen.add(row.arn);
      });
    }),
  whatsAppDailyLimit: z
    .enum(DAILY_LIMIT_CHOICES, { error: "Choose WhatsApp's daily limit: 250, 2,000, 10,000, 100,000 or unlimited" })
    .transform((v) => (v === "unlimited" ? null : Number(v))),
});
export type SendingCapacityInput = z.input<typeof sendingCapacitySchema>;
export type SendingCapacityUpdate = z.output<typeof sendingCapacitySchema>;
