// Filter fields shared by the list schemas (history, contacts): pure, so the browser builds the same query strings
// the routes parse.
import { z } from "zod";

// A form left blank sends "", which means "no filter", not an invalid value.
export const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An optional date and time; anything `new Date` cannot read is refused by name. */
export const optDate = z.preprocess(
  blank,
  z
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
    }),
);
