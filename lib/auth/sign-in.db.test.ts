import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser, updateUser } from "@/lib/users/queries";
import { hashPassword } from "./password";
import { attemptSignIn, type ThrottlePolicy } from "./sign-in";

const meta = { requestId: "r", ip: "10.0.0.1", userAgent: "ua" };
const policy: ThrottlePolicy = { maxFailures: 3, lockMinutes: 15, delayMs: () => 0 };
const PASSWORD = "correct-horse-battery-9";

describe("sign-in", () => {
  let h: DatabaseHandle;
  let userId: string;
  beforeAll(async () => {
    h = await createTestDb();
    userId = (await insertUser(h.db, { email: "sam@example.com", name: "Sam", role: "supervisor", passwordHash: await hashPassword(PASSWORD) })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("accepts the right password, case-insensitively on the email, and audits it", async () => {
    const res = await attemptSignIn(h.db, { email: " SAM@example.com", password: PASSWORD }, meta, policy);
    expect(res).toMatchObject({ ok: true, user: { id: userId } });
    expect(res.ok && res.user.lastSignInAt).toBeInstanceOf(Date);
    const last = (await h.db.select().from(auditLog)).at(-1);
    expect(last).toMatchObject({ action: "auth.signed_in", actorId: userId, ip: "10.0.0.1" });
  });

  it("counts failures down, then locks the email even for the right password", async () => {
    const first = await attemptSignIn(h.db, { email: "sam@example.com", password: "wrong" }, meta, policy);
    expect(first).toEqual({ ok: false, reason: "invalid", message: "Email or password is incorrect. 2 attempts left before a 15-minute lock." });
    await attemptSignIn(h.db, { email: "sam@example.com", password: "wrong" }, meta, policy);
    const third = await attemptSignIn(h.db, { email: "sam@example.com", password: "wrong" }, meta, policy);
    expect(third).toMatchObject({ ok: false, reason: "locked" });
    const locked = await attemptSignIn(h.db, { email: "sam@example.com", password: PASSWORD }, meta, policy);
    expect(locked).toMatchObject({ ok: false, reason: "locked", message: expect.stringMatching(/locked for 15 more minute/) });
    const actions = (await h.db.select().from(auditLog)).map((r) => r.action);
    expect(actions.filter((a) => a === "auth.sign_in_failed")).toHaveLength(3);
    expect(actions).toContain("auth.locked_out");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const res = await attemptSignIn(h.db, { email: "nobody@example.com", password: "whatever" }, meta, policy);
    expect(res).toEqual({ ok: false, reason: "invalid", message: "Email or password is incorrect. 2 attempts left before a 15-minute lock." });
  });

  it("refuses a disabled user with the right password", async () => {
    const other = await insertUser(h.db, { email: "dee@example.com", name: "Dee", role: "viewer", passwordHash: await hashPassword(PASSWORD) });
    await updateUser(h.db, other.id, { disabledAt: new Date() });
    const res = await attemptSignIn(h.db, { email: "dee@example.com", password: PASSWORD }, meta, policy);
    expect(res).toMatchObject({ ok: false, reason: "disabled" });
  });
});
