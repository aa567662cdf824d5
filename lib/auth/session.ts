import "server-only";
import { getServerSession } from "next-auth";
import { getRuntime } from "@/lib/server/runtime";
import { findUserById } from "@/lib/users/queries";
import { getAuthOptions } from "./options";
import type { Role } from "./roles";
import { checkSession } from "./sessions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The server-side session (lib/auth/sessions.ts) this request runs under. */
  sessionId: string;
  /** Set after an admin reset: the user must choose a new password before anything else. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user, read from the database on every call: a disabled user, a changed role or a revoked, expired
 * or idle session takes effect on the very next request rather than when the session cookie expires. A token without
 * a session id (issued before server-side sessions) is refused.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(await getAuthOptions())) as { uid?: string; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  const rt = await getRuntime();
  const db = rt.database.db;
  const check = await checkSession(db, session.sid, { idleMinutes: rt.env.SESSION_IDLE_MINUTES });
  if (!check.ok || check.session.userId !== session.uid) return null;
  const user = await findUserById(db, session.uid);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: check.session.id, mustChangePassword: user.mustChangePassword };
}
