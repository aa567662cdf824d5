// Input for API key management, shared by the Settings form and the server actions. Pure.
import { z } from "zod";
import { roleSchema } from "@/lib/users/schemas";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it").max(100, "At most 100 characters"),
  role: roleSchema,
});
export const revokeApiKeySchema = z.object({ keyId: z.uuid("Unknown key") });

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
