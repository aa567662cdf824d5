// Roles and what each may do. Pure: shared by the server, the forms and the UI.
import type { Role } from "@/lib/db/roles";

export { ROLES, type Role } from "@/lib/db/roles";

const RANK: Record<Role, number> = { viewer: 0, supervisor: 1, admin: 2 };

// Roles nest: an admin may do what a supervisor may, a supervisor what a viewer may.
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const ROLE_LABEL: Record<Role, string> = {
  admin: "Admin",
  supervisor: "Supervisor",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTION: Record<Role, string> = {
  admin: "Manages users, settings and API keys, and can do everything a supervisor can",
  supervisor: "Composes and runs campaigns and sends chat events",
  viewer: "Read-only access to campaigns, contacts and the audit log",
};
