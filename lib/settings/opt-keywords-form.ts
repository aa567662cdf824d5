// The opt-out keywords form edits each list as text, one keyword per line or separated by commas. Its schema reads
// that text into the lists optKeywordsSchema checks, with each problem put on the field and naming the keyword. Pure.
import { z } from "zod";
import { optKeywordsSchema, type OptKeywords } from "@/lib/replies/keywords";

const FIELDS = ["optOut", "optIn"] as const;

/**
 * Splits on commas and line breaks only: "OPT OUT" stays one (refused) keyword instead of quietly making "OPT" an
 * opt-out word.
 */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

export const joinKeywords = (words: readonly string[]) => words.join(", ");

export const optKeywordsFormSchema = z
  .object({
    optOut: z.string().max(5_000, "At most 5,000 characters"),
    optIn: z.string().max(5_000, "At most 5,000 characters"),
  })
  .transform((v, ctx): OptKeywords => {
    const lists = { optOut: splitKeywords(v.optOut), optIn: splitKeywords(v.optIn) };
    const parsed = optKeywordsSchema.safeParse(lists);
    if (parsed.success) return { optOut: [...new Set(parsed.data.optOut)], optIn: [...new Set(parsed.data.optIn)] };
    const placed = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((f) => f === issue.path[0]) ?? "optOut";
      if (placed.has(field)) continue;
      placed.add(field);
      const index = issue.path[1];
      const word = typeof index === "number" ? lists[field][index] : undefined;
      ctx.addIssue({ code: "custom", path: [field], message: word !== undefined ? `"${word.slice(0, 40)}": ${issue.message}` : issue.message });
    }
    return z.NEVER;
  });

export type OptKeywordsFormValues = z.input<typeof optKeywordsFormSchema>;
