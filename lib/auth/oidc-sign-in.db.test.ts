import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, type User } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { findUserByEmail, insertUser, updateUser } from "@/lib/users/queries";
import { decideOidcSignIn, isEmailVerified, signInWithOidc } from "./oidc-sign-in";

const local = { id: "u1", email: "ada@example.com", disabledAt: null } as User;

describe("single sign-on decision", () => {
  it("trusts only an email the provider marks verified", () => {
    expect(isEmailVerified({ email_verified: true })).toBe(true);
    expect(isEmailVerified({ email_verified: "true" })).toBe(true);
    for (const v of [false, "false", "yes", 1, undefined, null]) expect(isEmailVerified({ email_verified: v })).toBe(false);
    expect(isEmailVerified(undefined)).toBe(false);
  });

  it("refuses with a code, links or creates", () => {
    expect(decideOidcSignIn({ email: "", emailVerified: true, existing: undefined })).toEqual({ action: "refuse", code: "SsoNoEmail" });
    expect(decideOidcSignIn({ email: "ada@example.com", emailVerified: false, existing: local })).toEqual({ action: "refuse", code: "SsoEmailUnverified" });
    expect(decideOidcSignIn({ email: "new@example.com", emailVerified: false, existing: undefined })).toEqual({ action: "refuse", code: "SsoEmailUnverified" });
    expect(decideOidcSignIn({ email: "ada@example.com", emailVerified: true, existing: { ...local, disabledAt: new Date() } })).toEqual({
      action: "refuse",
      code: "AccountDisabled",
    });
    expect(decideOidcSignIn({ email: "ada@example.com", emailVerified: true, existing: local })).toEqual({ action: "link", user: local });
    expect(decideOidcSignIn({ email: "new@example.com", emailVerified: true, existing: undefined })).toEqual({ action: "create" });
  });
});

describe("single sign-on against the database", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });
  const lastAudit = async () => (await h.db.select().from(auditLog)).at(-1);

  it("does not link an unverified email to a local account, and audits the refusal", async () => {
    const ada = await insertUser(h.db, { email: "ada@example.com", name: "Ada", role: "admin", passwordHash: "x" });
    const res = await signInWithOidc(h.db, { email: "ADA@example.com", name: "Mallory", role: "viewer", emailVerified: false }, { ip: "10.0.0.9" });
    expect(res).toEqual({ ok: false, code: "SsoEmailUnverified" });
    expect(await findUserByEmail(h.db, "ada@example.com")).toMatchObject({ role: "admin", lastSignInAt: null });
    expect(await lastAudit()).toMatchObject({
      action: "auth.sign_in_refused",
      targetId: ada.id,
      ip: "10.0.0.9",
      diff: { reason: "SsoEmailUnverified", method: "sso" },
    });
  });

  it("does not create an account for an unverified email", async () => {
    expect(await signInWithOidc(h.db, { email: "new@example.com", name: "New", role: "viewer", emailVerified: false })).toEqual({
      ok: false,
      code: "SsoEmailUnverified",
    });
    expect(await findUserByEmail(h.db, "new@example.com")).toBeUndefined();
  });

  it("links a verified email, taking the provider's role, and creates an unknown one", async () => {
    const linked = await signInWithOidc(h.db, { email: "ada@example.com", name: "Ada", role: "supervisor", emailVerified: true });
    expect(linked).toMatchObject({ ok: true, user: { email: "ada@example.com", role: "supervisor" } });
    const actions = (await h.db.select().from(auditLog)).slice(-2).map((r) => r.action);
    expect(actions).toEqual(["user.role_changed", "auth.signed_in"]);
    const created = await signInWithOidc(h.db, { email: "new@example.com", name: "New", role: "viewer", emailVerified: true });
    expect(created).toMatchObject({ ok: true, user: { email: "new@example.com", passwordHash: null } });
  });

  it("refuses a disabled account and a missing email with codes", async () => {
    const dee = await insertUser(h.db, { email: "dee@example.com", name: "Dee", role: "viewer", passwordHash: null });
    await updateUser(h.db, dee.id, { disabledAt: new Date() });
    expect(await signInWithOidc(h.db, { email: "dee@example.com", name: "Dee", role: "viewer", emailVerified: true })).toEqual({
      ok: false,
      code: "AccountDisabled",
    });
    expect(await signInWithOidc(h.db, { email: "", name: "", role: "viewer", emailVerified: true })).toEqual({ ok: false, code: "SsoNoEmail" });
  });
});
