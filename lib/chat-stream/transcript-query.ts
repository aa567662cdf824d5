// The transcript routes' query string: which page, how long, and whether typing indicators are listed. Pure, so the
// page builds the same query strings the routes parse.
import { z } from "zod";
import { blank } from "@/lib/filters/fields";
import { safeText } from "@/lib/text/safe-text";

/** Kept here as well as in transcript.ts (server-only), so the browser can import it. */
export const TRANSCRIPT_LIMIT_MAX = 500;

export const transcriptQuerySchema = z.object({
  cursor: z.preprocess(blank, safeText().max(1000, "This cursor is not valid here: use nextCursor of the previous page").optional()),
  limit: z.preprocess(
    blank,
    z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(TRANSCRIPT_LIMIT_MAX, `limit must be at most ${TRANSCRIPT_LIMIT_MAX}`)
      .default(TRANSCRIPT_LIMIT_MAX),
  ),
  typing: z.preprocess(blank, z.enum(["include", "omit"], { error: "typing must be include or omit" }).default("omit")),
});

export type TranscriptQueryInput = z.output<typeof transcriptQuerySchema>;
