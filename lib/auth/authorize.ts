// The single authorization check behind every server action, route handler and page.
import { UserFacingError } from "@/lib/errors";
import { hasRole, type Role } from "./roles";

export type Access = Role | "public";

export interface Principal {
  id: string;
  email: string;
  role: Role;
}

export function authorize<P extends Principal>(principal: P | null, required: Access): P | null {
  if (required === "public") return principal;
  if (!principal) throw new UserFacingError("unauthenticated", "Your session has ended. Sign in again.");
  if (!hasRole(principal.role, required)) {
    throw new UserFacingError("forbidden", `This needs the ${required} role; you are signed in as ${principal.role}.`);
  }
  return principal;
}
