// The roles a user can hold, as the user_role enum stores them. Without imports: the browser loads it (through
// lib/auth/roles.ts) and the schema defines the enum from it, so neither pulls in the other.
export const ROLES = ["admin", "supervisor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
