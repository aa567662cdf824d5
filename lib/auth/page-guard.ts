import "server-only";
import { redirect } from "next/navigation";
import { hasRole, type Role } from "./roles";
import { currentUser, type SessionUser } from "./session";

/** For server components: the signed-in user with at least `role`, or a redirect to sign-in / the no-access page. */
export async function requirePageUser(role: Role = "viewer"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, role)) redirect(`/forbidden?needs=${role}`);
  return user;
}
