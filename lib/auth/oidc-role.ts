// Maps the identity provider's role claim (a string, a list, or a space/comma separated string) to a console role.
import { ROLES, hasRole, type Role } from "./roles";

export function roleFromClaim(claim: unknown, fallback: Role): Role {
  const values = (Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[\s,]+/) : [])
    .map((v) => String(v).toLowerCase().trim())
    .filter((v): v is Role => (ROLES as readonly string[]).includes(v));
  if (values.length === 0) return fallback;
  // Several roles in the claim: the strongest one wins.
  return values.reduce((best, r) => (hasRole(r, best) ? r : best));
}
