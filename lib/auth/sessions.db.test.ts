import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, sessions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser, updateUser } from "@/lib/users/queries";
import { resolveSessionUser } from "./session-user";
import { checkSession, createSession, revokeSession, revokeUserSessions } from "./sessions";
import { endSession } from "./sign-out";

const IDLE = { idleMinutes: 60 };
const minutesFrom = (t: Date, m: number) => new Date(t.getTime() + m * 60_000);

describe("server-side sessions", () => {
  let h: DatabaseHandle;
  let userId: string;
  const open = (now?: Date) => createSession(h.db, { userId, method: "password", ip: "10.0.0.1", userAgent: "ua", maxAgeHours: 12, now });

  beforeAll(async () => {
    h = await createTestDb();
    userId = (await insertUser(h.db, { email: "sam@example.com", name: "Sam", role: "supervisor", passwordHash: null })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("accepts a fresh session and records how it was opened", async () => {
    const s = await open();
    expect(s).toMatchObject({ userId, method: "password", ip: "10.0.0.1", revokedAt: null });
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(12 * 3_600_000);
    expect(await checkSession(h.db, s.id, IDLE)).toMatchObject({ ok: true, session: { id: s.id } });
  });

  it("refuses a revoked session, and revoking twice reports nothing left to end", async () => {
    const s = await open();
    expect(await revokeSession(h.db, s.id, "signed_out")).toBe(true);
    expect(await revokeSession(h.db, s.id, "signed_out")).toBe(false);
    expect(await checkSession(h.db, s.id, IDLE)).toEqual({ ok: false, reason: "revoked" });
  });

  it("refuses a session past its absolute lifetime, however recently it was used", async () => {
    const t0 = new Date();
    const s = await open(t0);
    for (let hour = 1; hour < 12; hour++) expect((await checkSession(h.db, s.id, { ...IDLE, now: minutesFrom(t0, hour * 60) })).ok).toBe(true);
    expect(await checkSession(h.db, s.id, { ...IDLE, now: minutesFrom(t0, 12 * 60) })).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses an idle session, and marks use at most once a minute", async () => {
    const t0 = new Date();
    const s = await open(t0);
    await checkSession(h.db, s.id, { ...IDLE, now: minutesFrom(t0, 0.5) });
    const lastSeen = async () => (await h.db.select().from(sessions).where(eq(sessions.id, s.id)))[0]!.lastSeenAt.getTime();
    expect(await lastSeen()).toBe(t0.getTime());
    await checkSession(h.db, s.id, { ...IDLE, now: minutesFrom(t0, 50) });
    expect(await lastSeen()).toBe(minutesFrom(t0, 50).getTime());
    expect((await checkSession(h.db, s.id, { ...IDLE, now: minutesFrom(t0, 109) })).ok).toBe(true);
    expect(await checkSession(h.db, s.id, { ...IDLE, now: minutesFrom(t0, 170) })).toEqual({ ok: false, reason: "idle" });
  });

  it("refuses unknown and malformed ids without a query error", async () => {
    expect(await checkSession(h.db, "00000000-0000-4000-8000-000000000000", IDLE)).toEqual({ ok: false, reason: "missing" });
    expect(await checkSession(h.db, "not-a-uuid'; drop table sessions", IDLE)).toEqual({ ok: false, reason: "missing" });
  });

  it("revokes every session of a user but the one asked to keep", async () => {
    const other = (await insertUser(h.db, { email: "kim@example.com", name: "Kim", role: "viewer", passwordHash: null })).id;
    const kims = await createSession(h.db, { userId: other, method: "sso", ip: null, userAgent: null, maxAgeHours: 1 });
    const [a, b, keep] = [await open(), await open(), await open()];
    const before = (await h.db.select().from(sessions).where(eq(sessions.userId, userId))).filter((r) => !r.revokedAt).length;
    expect(await revokeUserSessions(h.db, userId, "password_changed", keep.id)).toBe(before - 1);
    for (const s of [a, b]) expect(await checkSession(h.db, s.id, IDLE)).toEqual({ ok: false, reason: "revoked" });
    expect((await checkSession(h.db, keep.id, IDLE)).ok).toBe(true);
    expect((await checkSession(h.db, kims.id, IDLE)).ok).toBe(true);
    const [row] = await h.db.select().from(sessions).where(eq(sessions.id, a.id));
    expect(row).toMatchObject({ revokedReason: "password_changed" });
    expect(await revokeUserSessions(h.db, userId, "disabled")).toBe(1);
    expect((await checkSession(h.db, keep.id, IDLE)).ok).toBe(false);
  });

  it("signing out revokes the session, so a copy of the cookie stops working, and audits it", async () => {
    const s = await open();
    const claims = { uid: userId, sid: s.id };
    expect(await resolveSessionUser(h.db, claims, IDLE)).toMatchObject({ id: userId, sessionId: s.id, mustChangePassword: false });
    await endSession(h.db, { ...claims, email: "sam@example.com" });
    expect(await resolveSessionUser(h.db, claims, IDLE)).toBeNull();
    const last = (await h.db.select().from(auditLog)).at(-1);
    expect(last).toMatchObject({ action: "auth.signed_out", actorId: userId, targetId: userId });
  });

  it("refuses tokens without a session id, with another user's session, or for a disabled user", async () => {
    const s = await open();
    expect(await resolveSessionUser(h.db, { uid: userId }, IDLE)).toBeNull();
    expect(await resolveSessionUser(h.db, { uid: "00000000-0000-4000-8000-000000000001", sid: s.id }, IDLE)).toBeNull();
    await updateUser(h.db, userId, { mustChangePassword: true });
    expect(await resolveSessionUser(h.db, { uid: userId, sid: s.id }, IDLE)).toMatchObject({ mustChangePassword: true });
    await updateUser(h.db, userId, { disabledAt: new Date() });
    expect(await resolveSessionUser(h.db, { uid: userId, sid: s.id }, IDLE)).toBeNull();
  });
});
