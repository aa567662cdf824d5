import "server-only";
// Server-side sessions: the session cookie only names a row here, so sign-out, a password change or disabling a user
// ends a session on the server, whatever copies of the cookie exist. The lifetime is absolute from sign-in (not
// sliding); idleness is measured from last_seen_at, which is written at most once a minute to keep writes low.
import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { sessions, type Session } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export type SessionMethod = "password" | "sso";

/** How often last_seen_at is refreshed; idleness is only precise to this. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createSession(
  db: Db,
  input: { userId: string; method: SessionMethod; ip: string | null; userAgent: string | null; maxAgeHours: number; now?: Date },
): Promise<Session> {
  const now = input.now ?? new Date();
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      method: input.method,
      ip: input.ip,
      userAgent: input.userAgent,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + input.maxAgeHours * 3_600_000),
    })
    .returning();
  return row!;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: "missing" | "revoked" | "expired" | "idle" };

/** Whether a session still stands; marks it seen (at most once a minute) when it does. */
export async function checkSession(db: Db, sessionId: string, opts: { idleMinutes: number; now?: Date }): Promise<SessionCheck> {
  // Ids come from a signed token, but a malformed one must not reach a uuid column as a query error.
  if (!UUID.test(sessionId)) return { ok: false, reason: "missing" };
  const now = opts.now ?? new Date();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!row) return { ok: false, reason: "missing" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (now.getTime() - row.lastSeenAt.getTime() > opts.idleMinutes * 60_000) return { ok: false, reason: "idle" };
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Conditional, so parallel requests write once and a concurrent revocation is never undone.
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), lt(sessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS))));
    return { ok: true, session: { ...row, lastSeenAt: now } };
  }
  return { ok: true, session: row };
}

/** Ends one session; false when it was unknown or already ended. */
export async function revokeSession(db: Db, sessionId: string, reason: string): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every open session of a user (password change, reset, disabling), optionally keeping the caller's own. */
export async function revokeUserSessions(db: Db, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  const keep = exceptSessionId && UUID.test(exceptSessionId) ? ne(sessions.id, exceptSessionId) : undefined;
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep))
    .returning({ id: sessions.id });
  return rows.length;
}
