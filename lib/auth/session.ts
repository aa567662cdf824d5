import "server-only";
import { getServerSession } from "next-auth";
import { getRuntime } from "@/lib/server/runtime";
import { findUserById } from "@/lib/users/queries";
import { getAuthOptions } from "./options";
import type { Role } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user, read from the database on every call: a disabled user, or a changed role,
 * takes effect on the very next request rather than when the session cookie expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(await getAuthOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  const user = await findUserById((await getRuntime()).database.db, session.uid);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
