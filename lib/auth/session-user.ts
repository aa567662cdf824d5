import "server-only";
// Turns the claims of a session cookie into the signed-in user, or nobody: the session row must stand (not revoked,
// expired or idle) and belong to the same user, and the user must still exist and be enabled.
import type { Db } from "@/lib/db/types";
import { findUserById } from "@/lib/users/queries";
import type { SessionUser } from "./session";
import { checkSession } from "./sessions";

export async function resolveSessionUser(
  db: Db,
  claims: { uid?: unknown; sid?: unknown } | null,
  opts: { idleMinutes: number; now?: Date },
): Promise<SessionUser | null> {
  // A token without a session id was issued before server-side sessions: it cannot be revoked, so it is refused.
  if (typeof claims?.uid !== "string" || typeof claims.sid !== "string") return null;
  const check = await checkSession(db, claims.sid, opts);
  if (!check.ok || check.session.userId !== claims.uid) return null;
  const user = await findUserById(db, claims.uid);
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: check.session.id, mustChangePassword: user.mustChangePassword };
}
