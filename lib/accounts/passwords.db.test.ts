import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/users/password-policy";
import type { SessionUser } from "@/lib/auth/session";
import { createSession } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { auditLog, sessions } from "@/lib/db/schema";
import type { DatabaseHandle, Db } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { changeUserRole, createUser, setUserDisabled } from "./actions";
import { changeOwnPassword, resetUserPassword } from "./password-actions";
import { MUST_CHANGE_PASSWORD_MESSAGE } from "@/lib/actions/safe-action";
import { findUserById, insertUser } from "@/lib/users/queries";

const meta = { requestId: "r", ip: null, userAgent: null };
const OLD = "first-long-passphrase-1";
const NEW = "second-long-passphrase-2";

async function person(db: Db, email: string, role: SessionUser["role"], password: string | null = OLD) {
  const u = await insertUser(db, { email, name: email, role, passwordHash: password ? await hashPassword(password) : null });
  const open = () => createSession(db, { userId: u.id, method: "password", ip: null, userAgent: null, maxAgeHours: 8 });
  const [a, b] = [await open(), await open()];
  const as: SessionUser = { id: u.id, email: u.email, name: u.name, role: u.role, sessionId: a.id, mustChangePassword: false };
  return { id: u.id, as, sessionIds: [a.id, b.id] };
}

const openSessions = async (db: Db, userId: string) =>
  (await db.select().from(sessions).where(eq(sessions.userId, userId))).filter((s) => !s.revokedAt).map((s) => s.id);
const lastAudit = async (db: Db) => (await db.select().from(auditLog).orderBy(auditLog.id)).at(-1)!;

describe("passwords: change, reset, disable", () => {
  let h: DatabaseHandle;
  let admin: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    h = await createTestDb();
    admin = await person(h.db, "admin@example.com", "admin");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a user changes their own password: current one required, other sessions end, this one stays, audited without secrets", async () => {
    const sue = await person(h.db, "sue.operator@example.com", "viewer");
    const ctx = { user: sue.as, db: h.db, meta };

    const wrong = await runAction(changeOwnPassword, { currentPassword: "not-it-at-all", newPassword: NEW, confirmPassword: NEW }, ctx);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { currentPassword: "Your current password is not correct. 4 attempts left before you are signed out." } },
    });
    const emailLike = await runAction(changeOwnPassword, { currentPassword: OLD, newPassword: "Sue.Operator", confirmPassword: "Sue.Operator" }, ctx);
    expect(emailLike).toMatchObject({ ok: false, error: { fields: { newPassword: "Do not use your email address as your password" } } });
    const common = await runAction(changeOwnPassword, { currentPassword: OLD, newPassword: "qwerty123456", confirmPassword: "qwerty123456" }, ctx);
    expect(common).toMatchObject({ ok: false, error: { code: "invalid", fields: { newPassword: expect.stringMatching(/too common/) } } });
    expect(await openSessions(h.db, sue.id)).toHaveLength(2);

    const ok = await runAction(changeOwnPassword, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, ctx);
    expect(ok).toEqual({ ok: true, data: { otherSessionsEnded: 1 } });
    const saved = (await findUserById(h.db, sue.id))!;
    expect(await verifyPassword(NEW, saved.passwordHash!)).toBe(true);
    expect(saved.passwordChangedAt).toBeInstanceOf(Date);
    expect(await openSessions(h.db, sue.id)).toEqual([sue.as.sessionId]);
    const entry = await lastAudit(h.db);
    expect(entry).toMatchObject({ action: "user.password_changed", targetId: sue.id, actorId: sue.id });
    expect(JSON.stringify(entry.diff)).not.toMatch(/passphrase|scrypt/);
  });

  it("an admin reset sets a generated temporary password, ends every session, and audits without the password", async () => {
    const tom = await person(h.db, "tom@example.com", "supervisor");
    const res = await runAction(resetUserPassword, { userId: tom.id }, { user: admin.as, db: h.db, meta });
    if (!res.ok) throw new Error(res.error.message);
    const temporary = res.data.temporaryPassword;
    expect(passwordProblem(temporary, "tom@example.com")).toBeNull();
    const saved = (await findUserById(h.db, tom.id))!;
    expect(saved.mustChangePassword).toBe(true);
    expect(await verifyPassword(temporary, saved.passwordHash!)).toBe(true);
    expect(await verifyPassword(OLD, saved.passwordHash!)).toBe(false);
    expect(await openSessions(h.db, tom.id)).toEqual([]);
    const entry = await lastAudit(h.db);
    expect(entry).toMatchObject({
      action: "user.password_reset",
      targetId: tom.id,
      actorEmail: "admin@example.com",
      diff: { sessionsEnded: 2, mustChangePassword: { from: false, to: true } },
    });
    expect(JSON.stringify(entry.diff)).not.toContain(temporary);
    expect(JSON.stringify(entry.diff)).not.toContain("scrypt");

    // Until Tom picks a new password, his other actions are refused with a clear message; the change itself works.
    const tomSession = await createSession(h.db, { userId: tom.id, method: "password", ip: null, userAgent: null, maxAgeHours: 8 });
    const forced: SessionUser = { ...tom.as, sessionId: tomSession.id, mustChangePassword: true };
    const blocked = await runAction(changeUserRole, { userId: tom.id, role: "viewer" }, { user: { ...forced, role: "admin" }, db: h.db, meta });
    expect(blocked).toMatchObject({ ok: false, error: { code: "forbidden", message: MUST_CHANGE_PASSWORD_MESSAGE } });
    const changed = await runAction(
      changeOwnPassword,
      { currentPassword: temporary, newPassword: NEW, confirmPassword: NEW },
      { user: forced, db: h.db, meta },
    );
    expect(changed).toMatchObject({ ok: true });
    expect((await findUserById(h.db, tom.id))!.mustChangePassword).toBe(false);
    expect((await lastAudit(h.db)).diff).toMatchObject({ mustChangePassword: { from: true, to: false } });
  });

  it("an admin with a pending reset can manage no one", async () => {
    const forcedAdmin: SessionUser = { ...admin.as, mustChangePassword: true };
    const ctx = { user: forcedAdmin, db: h.db, meta };
    const other = await person(h.db, "other@example.com", "viewer");
    for (const res of [
      await runAction(createUser, { email: "n@example.com", name: "", role: "viewer", password: NEW }, ctx),
      await runAction(setUserDisabled, { userId: other.id, disabled: true }, ctx),
      await runAction(resetUserPassword, { userId: other.id }, ctx),
    ]) {
      expect(res).toMatchObject({ ok: false, error: { code: "forbidden", message: MUST_CHANGE_PASSWORD_MESSAGE } });
    }
  });

  it("an admin cannot reset their own password, and a single sign-on account cannot change one it does not have", async () => {
    const self = await runAction(resetUserPassword, { userId: admin.id }, { user: admin.as, db: h.db, meta });
    expect(self).toMatchObject({ ok: false, error: { code: "conflict" } });
    const sso = await person(h.db, "sso@example.com", "viewer", null);
    const res = await runAction(
      changeOwnPassword,
      { currentPassword: "anything-at-all", newPassword: NEW, confirmPassword: NEW },
      { user: sso.as, db: h.db, meta },
    );
    expect(res).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/single sign-on/) } });
  });

  it("a password changed meanwhile wins over a change checked against the old one", async () => {
    const kim = await person(h.db, "kim@example.com", "viewer");
    const stale = await runAction(changeOwnPassword, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, { user: kim.as, db: h.db, meta });
    expect(stale).toMatchObject({ ok: true });
    const again = await runAction(
      changeOwnPassword,
      { currentPassword: OLD, newPassword: "third-long-passphrase-3", confirmPassword: "third-long-passphrase-3" },
      { user: kim.as, db: h.db, meta },
    );
    expect(again).toMatchObject({ ok: false, error: { fields: { currentPassword: expect.stringMatching(/^Your current password is not correct/) } } });
  });

  it("counts wrong current passwords before checking them: at the limit the session ends and even the right one is refused", async () => {
    const lee = await person(h.db, "lee@example.com", "viewer");
    const ctx = { user: lee.as, db: h.db, meta };
    const tries = await Promise.all(
      Array.from({ length: 8 }, () => runAction(changeOwnPassword, { currentPassword: "guess-guess-guess", newPassword: NEW, confirmPassword: NEW }, ctx)),
    );
    expect(tries.every((t) => !t.ok)).toBe(true);
    expect(tries.filter((t) => !t.ok && t.error.code === "unauthenticated")).toHaveLength(1);
    expect(await openSessions(h.db, lee.id)).toEqual([lee.sessionIds[1]]);
    // Signed in again, the right password still waits for the window to pass: guesses spread over sessions add up.
    const again = { ...ctx, user: { ...lee.as, sessionId: lee.sessionIds[1]! } };
    const right = await runAction(changeOwnPassword, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, again);
    expect(right).toMatchObject({ ok: false, error: { code: "rate_limited", message: expect.stringMatching(/Try again in 15 minutes/) } });
    expect(await openSessions(h.db, lee.id)).toEqual([lee.sessionIds[1]]);
    expect(await verifyPassword(OLD, (await findUserById(h.db, lee.id))!.passwordHash!)).toBe(true);
    expect(await lastAudit(h.db)).toMatchObject({ action: "auth.locked_out", targetId: lee.id, diff: { scope: "current_password" } });
  });

  it("a reset lifts the user's own sign-in locks, so the temporary password works at once", async () => {
    const ann = await person(h.db, "ann@example.com", "viewer");
    const policy = { maxFailures: 3, clientMaxFailures: 50, lockMinutes: 15, delayMs: () => 0 };
    const from = (ip: string) => ({ requestId: "r", ip, userAgent: "ua" });
    for (let i = 0; i < 3; i++) await attemptSignIn(h.db, { email: "ann@example.com", password: "wrong-wrong" }, from("10.9.0.1"), policy);
    expect(await attemptSignIn(h.db, { email: "ann@example.com", password: OLD }, from("10.9.0.1"), policy)).toMatchObject({ ok: false, reason: "locked" });
    const res = await runAction(resetUserPassword, { userId: ann.id }, { user: admin.as, db: h.db, meta });
    if (!res.ok) throw new Error(res.error.message);
    expect(await attemptSignIn(h.db, { email: "ann@example.com", password: res.data.temporaryPassword }, from("10.9.0.1"), policy)).toMatchObject({ ok: true });
  });

  it("disabling a user ends all their sessions", async () => {
    const dan = await person(h.db, "dan@example.com", "viewer");
    const res = await runAction(setUserDisabled, { userId: dan.id, disabled: true }, { user: admin.as, db: h.db, meta });
    expect(res).toMatchObject({ ok: true, data: { disabled: true } });
    expect(await openSessions(h.db, dan.id)).toEqual([]);
    expect(await lastAudit(h.db)).toMatchObject({ action: "user.disabled", diff: { sessionsEnded: 2 } });
    const revoked = await h.db.select().from(sessions).where(eq(sessions.userId, dan.id));
    expect(revoked.map((s) => s.revokedReason)).toEqual(["user_disabled", "user_disabled"]);
  });
});
