import "server-only";
import { redirect } from "next/navigation";
import { hasRole, type Role } from "./roles";
import { currentUser, type SessionUser } from "./session";

/** Where someone whose password an admin reset is sent, from every console page, until they choose a new one. */
export const CHANGE_PASSWORD_PATH = "/change-password";

/** For server components: the signed-in user with at least `role`, or a redirect to sign-in / change password / the no-access page. */
export async function requirePageUser(role: Role = "viewer"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!hasRole(user.role, role)) redirect(`/forbidden?needs=${role}`);
  return user;
}
