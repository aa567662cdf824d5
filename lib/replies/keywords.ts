// Opt-out and opt-in keywords: a customer message that is exactly one of them (ignoring case, spaces and trailing
// punctuation) changes the suppression list. Plain data, shared by the Settings form and the server.
import { z } from "zod";

export { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS } from "./default-keywords";

export const OPT_KEYWORDS_SETTING = "opt_keywords";

const keyword = z
  .string()
  .trim()
  .min(1, "A keyword cannot be empty")
  .max(32, "Keep each keyword under 32 characters")
  .regex(/^[\p{L}\p{N}-]+$/u, "A keyword is one word: letters, digits or a hyphen")
  .transform((s) => s.toUpperCase());

const keywordList = z.array(keyword).max(50, "At most 50 keywords");

export const optKeywordsSchema = z.object({ optOut: keywordList.min(1, "Keep at least one opt-out keyword"), optIn: keywordList }).superRefine((v, ctx) => {
  const both = v.optOut.filter((k) => v.optIn.includes(k));
  if (both.length > 0) ctx.addIssue({ code: "custom", path: ["optIn"], message: `${both.join(", ")} cannot both opt out and opt in` });
});
export type OptKeywords = z.output<typeof optKeywordsSchema>;

/** The message as a keyword candidate: "  stop! " → "STOP". */
export function keywordOf(text: string | null | undefined): string {
  return (text ?? "")
    .trim()
    .replace(/[.!?]+$/u, "")
    .trim()
    .toUpperCase();
}

/** "stop" or "start" when the whole message is a keyword; null for anything else ("stop sending me these" is a reply). */
export function keywordAction(text: string | null | undefined, k: OptKeywords): "stop" | "start" | null {
  const word = keywordOf(text);
  if (!word) return null;
  if (k.optOut.includes(word)) return "stop";
  if (k.optIn.includes(word)) return "start";
  return null;
}
