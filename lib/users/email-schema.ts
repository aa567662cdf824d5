import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "Email address is too long")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com" }))
  .transform((v) => v.toLowerCase());
