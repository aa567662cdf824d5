// Input for API key management, shared by the Settings form, the server actions and `npm run create-api-key`. Pure.
import { z } from "zod";
import { roleSchema } from "@/lib/users/role-schema";
import { safeText } from "@/lib/text/safe-text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A key given the expiry day `2026-12-31` stops working at 00:00 UTC that day. */
export function expiryFromDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

const expiresOnSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z
    .string()
    .regex(DAY, "Use a date like 2026-12-31")
    .refine((d) => !Number.isNaN(expiryFromDay(d).getTime()), "Use a date like 2026-12-31")
    .refine((d) => expiryFromDay(d).getTime() > Date.now(), "Pick a day after today")
    .optional(),
);

export const createApiKeySchema = z.object({
  name: safeText().trim().min(1, "Name the key after what uses it").max(100, "At most 100 characters"),
  role: roleSchema,
  /** Optional last day: the key stops working at 00:00 UTC on it. Blank means it does not expire. */
  expiresOn: expiresOnSchema,
});
export const revokeApiKeySchema = z.object({ keyId: z.uuid("Unknown key") });

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
