import "server-only";
import { getServerSession } from "next-auth";
import { getRuntime } from "@/lib/runtime/current";
import { getAuthOptions } from "./options";
import type { Role } from "./roles";
import { resolveSessionUser } from "./session-user";

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
 * or idle session takes effect on the very next request rather than when the session cookie expires.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const claims = (await getServerSession(await getAuthOptions())) as { uid?: string; sid?: string } | null;
  const rt = await getRuntime();
  return resolveSessionUser(rt.database.db, claims, { idleMinutes: rt.env.SESSION_IDLE_MINUTES });
}
