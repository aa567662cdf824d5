import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser, updateUser } from "@/lib/users/queries";
import { hashPassword } from "./password";
import { attemptSignIn, type ThrottlePolicy } from "./sign-in";
import { pruneStaleAttempts } from "./sign-in-attempts";
import { signInAttempts } from "@/lib/db/schema";

// Each test signs in from its own client address, so the per-client counts of one test never reach another.
const from = (ip: string) => ({ requestId: "r", ip, userAgent: "ua" });
// No random sweeps: the sweep test decides when counters go, and a sweep at a moved clock must not surprise others.
const policy: ThrottlePolicy = { maxFailures: 3, clientMaxFailures: 10, lockMinutes: 15, delayMs: () => 0, sweepChance: 0 };
const PASSWORD = "correct-horse-battery-9";
const INVALID_2_LEFT = "Email or password is incorrect. 2 attempts left before a 15-minute lock.";

describe("sign-in", () => {
  let h: DatabaseHandle;
  let userId: string;
  let hash: string;
  const actions = async () => (await h.db.select().from(auditLog)).map((r) => r.action);
  const addUser = async (email: string) => (await insertUser(h.db, { email, name: email, role: "viewer", passwordHash: hash })).id;

  beforeAll(async () => {
    h = await createTestDb();
    hash = await hashPassword(PASSWORD);
    userId = (await insertUser(h.db, { email: "sam@example.com", name: "Sam", role: "supervisor", passwordHash: hash })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("accepts the right password, case-insensitively on the email, and audits it", async () => {
    const res = await attemptSignIn(h.db, { email: " SAM@example.com", password: PASSWORD }, from("10.0.0.1"), policy);
    expect(res).toMatchObject({ ok: true, user: { id: userId } });
    expect(res.ok && res.user.lastSignInAt).toBeInstanceOf(Date);
    const last = (await h.db.select().from(auditLog)).at(-1);
    expect(last).toMatchObject({ action: "auth.signed_in", actorId: userId, ip: "10.0.0.1" });
  });

  it("counts failures down, then locks the email from that address even for the right password", async () => {
    const first = await attemptSignIn(h.db, { email: "sam@example.com", password: "wrong" }, from("10.0.1.1"), policy);
    expect(first).toEqual({ ok: false, reason: "invalid", message: INVALID_2_LEFT });
    await attemptSignIn(h.db, { email: "sam@example.com", password: "wrong" }, from("10.0.1.1"), policy);
    const third = await attemptSignIn(h.db, { email: "sam@example.com", password: "wrong" }, from("10.0.1.1"), policy);
    expect(third).toMatchObject({ ok: false, reason: "locked" });
    const locked = await attemptSignIn(h.db, { email: "sam@example.com", password: PASSWORD }, from("10.0.1.1"), policy);
    expect(locked).toMatchObject({ ok: false, reason: "locked", message: expect.stringMatching(/locked for 15 more minute/) });
    const rows = await h.db.select().from(auditLog);
    expect(rows.filter((r) => r.action === "auth.sign_in_failed")).toHaveLength(3);
    expect(rows.find((r) => r.action === "auth.locked_out")?.diff).toMatchObject({ scope: "account", failures: 3 });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const res = await attemptSignIn(h.db, { email: "nobody@example.com", password: "whatever" }, from("10.0.2.1"), policy);
    expect(res).toEqual({ ok: false, reason: "invalid", message: INVALID_2_LEFT });
  });

  it("answers a disabled account with the right password exactly like a wrong password, counts it, and audits the refusal", async () => {
    const dee = await addUser("dee@example.com");
    await updateUser(h.db, dee, { disabledAt: new Date() });
    const res = await attemptSignIn(h.db, { email: "dee@example.com", password: PASSWORD }, from("10.0.3.1"), policy);
    expect(res).toEqual({ ok: false, reason: "invalid", message: INVALID_2_LEFT });
    const refusal = (await h.db.select().from(auditLog)).at(-1);
    expect(refusal).toMatchObject({ action: "auth.sign_in_refused", targetId: dee, diff: { reason: "disabled" } });
    await attemptSignIn(h.db, { email: "dee@example.com", password: PASSWORD }, from("10.0.3.1"), policy);
    expect(await attemptSignIn(h.db, { email: "dee@example.com", password: PASSWORD }, from("10.0.3.1"), policy)).toMatchObject({ reason: "locked" });
  });

  it("holds the limit under parallel guesses: 30 at once, then the right password is refused as locked", async () => {
    const pat = await addUser("pat@example.com");
    const guesses = await Promise.all(
      Array.from({ length: 30 }, () => attemptSignIn(h.db, { email: "pat@example.com", password: "wrong" }, from("10.0.4.1"), policy)),
    );
    expect(guesses.every((g) => !g.ok)).toBe(true);
    const right = await attemptSignIn(h.db, { email: "pat@example.com", password: PASSWORD }, from("10.0.4.1"), policy);
    expect(right).toMatchObject({ ok: false, reason: "locked" });
    // Only the guesses within the limit reached the password check.
    const failed = (await h.db.select().from(auditLog)).filter((r) => r.action === "auth.sign_in_failed" && r.targetId === pat);
    expect(failed).toHaveLength(policy.maxFailures);
  });

  it("locks a client that sprays many emails, whatever the emails", async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await attemptSignIn(h.db, { email: `spray${i}@example.com`, password: "wrong" }, from("10.0.5.1"), policy));
    expect(answers.slice(0, 9).every((a) => a.ok === false && a.reason === "invalid")).toBe(true);
    expect(answers[9]).toMatchObject({ ok: false, reason: "locked" });
    expect(answers[11]).toMatchObject({ ok: false, reason: "locked" });
    // Even a right password is refused from that client while the lock holds.
    expect(await attemptSignIn(h.db, { email: "sam@example.com", password: PASSWORD }, from("10.0.5.1"), policy)).toMatchObject({ reason: "locked" });
    const lock = (await h.db.select().from(auditLog)).find((r) => r.action === "auth.locked_out" && (r.diff as { scope?: string }).scope === "client");
    expect(lock).toMatchObject({ ip: "10.0.5.1", diff: { failures: 10 } });
  });

  it("does not lock the real user out: a guesser's address is locked for the email, the user's own address still signs in", async () => {
    const ada = await addUser("ada@example.com");
    for (let i = 0; i < 5; i++) await attemptSignIn(h.db, { email: "ada@example.com", password: "guess" + i }, from("203.0.113.9"), policy);
    expect(await attemptSignIn(h.db, { email: "ada@example.com", password: PASSWORD }, from("203.0.113.9"), policy)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await attemptSignIn(h.db, { email: "ada@example.com", password: PASSWORD }, from("10.0.6.1"), policy)).toMatchObject({
      ok: true,
      user: { id: ada },
    });
    // The guesser's lock outlives the real user's sign-in.
    expect(await attemptSignIn(h.db, { email: "ada@example.com", password: PASSWORD }, from("203.0.113.9"), policy)).toMatchObject({ reason: "locked" });
  });

  it("slows guesses at one email spread over many addresses, without ever locking it", async () => {
    await addUser("lee@example.com");
    const delays: number[] = [];
    const slowing: ThrottlePolicy = { ...policy, delayMs: (n) => (delays.push(n), 0) };
    for (let i = 0; i < 6; i++) await attemptSignIn(h.db, { email: "lee@example.com", password: "wrong" }, from(`198.51.100.${i}`), slowing);
    expect(delays).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await attemptSignIn(h.db, { email: "lee@example.com", password: PASSWORD }, from("198.51.100.99"), slowing)).toMatchObject({ ok: true });
  });

  it("lifts a lock when it runs out, and starts the count afresh", async () => {
    await addUser("kim@example.com");
    const t0 = Date.now();
    const at = (minutes: number): ThrottlePolicy => ({ ...policy, now: () => new Date(t0 + minutes * 60_000) });
    for (let i = 0; i < 3; i++) await attemptSignIn(h.db, { email: "kim@example.com", password: "wrong" }, from("10.0.7.1"), at(0));
    expect(await attemptSignIn(h.db, { email: "kim@example.com", password: PASSWORD }, from("10.0.7.1"), at(14))).toMatchObject({ reason: "locked" });
    expect(await attemptSignIn(h.db, { email: "kim@example.com", password: "wrong" }, from("10.0.7.1"), at(16))).toEqual({
      ok: false,
      reason: "invalid",
      message: INVALID_2_LEFT,
    });
    expect(await attemptSignIn(h.db, { email: "kim@example.com", password: PASSWORD }, from("10.0.7.1"), at(16))).toMatchObject({ ok: true });
    expect(await actions()).toContain("auth.signed_in");
  });

  it("sweeps counters that can no longer matter, and keeps recent ones and locks in force", async () => {
    const t0 = Date.now();
    const at = (minutes: number): ThrottlePolicy => ({ ...policy, now: () => new Date(t0 + minutes * 60_000) });
    for (let i = 0; i < 3; i++) await attemptSignIn(h.db, { email: `spray-${i}@example.com`, password: "wrong" }, from("10.0.9.1"), at(-120));
    await attemptSignIn(h.db, { email: "recent@example.com", password: "wrong" }, from("10.0.9.2"), at(0));
    const keys = async () => (await h.db.select({ key: signInAttempts.key }).from(signInAttempts)).map((r) => r.key);
    expect(await keys()).toEqual(expect.arrayContaining(["spray-0@example.com", "recent@example.com"]));
    expect(await pruneStaleAttempts(h.db, 60, new Date(t0))).toBeGreaterThanOrEqual(7);
    const left = await keys();
    expect(left).not.toContain("spray-0@example.com");
    expect(left).not.toContain("10.0.9.1");
    expect(left).toEqual(expect.arrayContaining(["recent@example.com", "10.0.9.2"]));
  });
});
