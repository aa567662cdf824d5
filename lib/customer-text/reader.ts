import "server-only";
// The reader of customers' texts for the signed-in user or API key, with CUSTOMER_TEXT_ROLE from the configuration.
import type { Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import type { CustomerTextReader } from "./redact";

export function customerTextReader(user: { role: Role }): CustomerTextReader {
  return { role: user.role, minRole: env().CUSTOMER_TEXT_ROLE };
}
