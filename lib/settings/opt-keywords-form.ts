// The opt-out keywords form edits each list as text, one keyword per line or separated by commas. Its schema reads
// that text into the lists optKeywordsSchema checks, with each problem put on the field and naming the keyword. Pure.
import { z } from "zod";
import { optKeywordsSchema, type OptKeywords } from "@/lib/replies/keywords";
import { splitKeywords } from "./opt-keywords-text";

export * from "./opt-keywords-text";

const FIELDS = ["optOut", "optIn"] as const;

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
