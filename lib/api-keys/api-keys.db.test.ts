import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { apiKeys, auditLog, users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { runAction } from "@/lib/actions/safe-action";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { createApiKey, revokeApiKey } from "./actions";
import { authenticateKey } from "./authenticate";
import { findActiveKey, listApiKeys, takeKeyRequest } from "./queries";

const meta = { requestId: "r", ip: null, userAgent: null };

describe("API keys", () => {
  let h: DatabaseHandle;
  let admin: { id: string; email: string; name: string; role: "admin"; sessionId: string; mustChangePassword: boolean };
  beforeAll(async () => {
    h = await createTestDb();
    const u = await insertUser(h.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    admin = { id: u.id, email: u.email, name: u.name, role: "admin", sessionId: "s0", mustChangePassword: false };
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows a new key once, stores only its hash, and stops accepting it once revoked", async () => {
    const created = await runAction(createApiKey, { name: "CRM sync", role: "supervisor" }, { user: admin, db: h.db, meta });
    if (!created.ok) throw new Error(created.error.message);
    const key = (created.data as { key: string; id: string }).key;
    expect(key).toMatch(/^oc_[\w-]{8}_[\w-]{32}$/);
    const listed = await listApiKeys(h.db);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed[0]).toMatchObject({ name: "CRM sync", role: "supervisor", prefix: key.slice(0, 11) });
    expect(await findActiveKey(h.db, key)).toMatchObject({ name: "CRM sync" });
    expect(await findActiveKey(h.db, `${key}x`)).toBeUndefined();

    const revoked = await runAction(revokeApiKey, { keyId: listed[0]!.id }, { user: admin, db: h.db, meta });
    expect(revoked.ok).toBe(true);
    expect(await findActiveKey(h.db, key)).toBeUndefined();
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(["api_key.created", "api_key.revoked"]);
  });

  const create = async (by: typeof admin, input: Record<string, unknown>) => {
    const res = await runAction(createApiKey, input, { user: by, db: h.db, meta });
    if (!res.ok) throw new Error(res.error.message);
    return res.data as { key: string; id: string; expiresAt: Date | null };
  };
  const refusal = async (p: Promise<unknown>) => {
    const err = (await p.then(
      () => null,
      (e: unknown) => e,
    )) as { code?: string; reason?: string; message?: string; details?: { retryAfter?: number; keyId?: string } } | null;
    if (!err) throw new Error("expected a refusal");
    return err;
  };

  it("takes an optional expiry day, lists it, and refuses the key from that day with a clear message", async () => {
    const key = await create(admin, { name: "Quarter close", role: "viewer", expiresOn: "2099-01-31" });
    expect(key.expiresAt).toEqual(new Date("2099-01-31T00:00:00Z"));
    expect((await listApiKeys(h.db)).find((k) => k.id === key.id)).toMatchObject({ expiresAt: new Date("2099-01-31T00:00:00Z") });
    await expect(authenticateKey(h.db, key.key, { requestsPerMinute: 0, now: new Date("2099-01-30T23:59:59Z") })).resolves.toMatchObject({
      keyId: key.id,
      role: "viewer",
    });
    const expired = await refusal(authenticateKey(h.db, key.key, { requestsPerMinute: 0, now: new Date("2099-01-31T00:00:00Z") }));
    expect(expired).toMatchObject({ code: "unauthenticated", reason: "key_expired", details: { keyId: key.id } });
    expect(expired.message).toMatch(/expired on 2099-01-31/);

    const past = await runAction(createApiKey, { name: "Too late", role: "viewer", expiresOn: "2001-01-01" }, { user: admin, db: h.db, meta });
    expect(past).toMatchObject({ ok: false, error: { code: "invalid", fields: { expiresOn: "Pick a day after today" } } });
    const garbled = await runAction(createApiKey, { name: "Garbled", role: "viewer", expiresOn: "next week" }, { user: admin, db: h.db, meta });
    expect(garbled).toMatchObject({ ok: false, error: { fields: { expiresOn: "Use a date like 2026-12-31" } } });
    expect(await create(admin, { name: "No expiry", role: "viewer", expiresOn: "" })).toMatchObject({ expiresAt: null });
  });

  it("stops a key when its creator is disabled or no longer holds the key's role, checked on every request", async () => {
    const u = await insertUser(h.db, { email: "second@example.com", name: "Second", role: "admin", passwordHash: null });
    const second = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "s2", mustChangePassword: false };
    const key = await create(second, { name: "Nightly export", role: "supervisor" });
    const auth = () => authenticateKey(h.db, key.key, { requestsPerMinute: 0 });
    await expect(auth()).resolves.toMatchObject({ role: "supervisor", email: "api-key:Nightly export" });

    await h.db.update(users).set({ role: "supervisor" }).where(eq(users.id, u.id));
    await expect(auth()).resolves.toMatchObject({ role: "supervisor" });
    await h.db.update(users).set({ role: "viewer" }).where(eq(users.id, u.id));
    const demoted = await refusal(auth());
    expect(demoted).toMatchObject({ code: "unauthenticated", reason: "key_creator_role" });
    expect(demoted.message).toMatch(/Supervisor role, which the user who created it no longer has/);

    await h.db.update(users).set({ role: "admin", disabledAt: new Date() }).where(eq(users.id, u.id));
    expect(await refusal(auth())).toMatchObject({ reason: "key_creator_disabled", message: expect.stringMatching(/has been disabled/) });
    await h.db.update(users).set({ disabledAt: null }).where(eq(users.id, u.id));
    await expect(auth()).resolves.toMatchObject({ keyId: key.id });
    // Unknown keys name no key.
    expect(await refusal(authenticateKey(h.db, "oc_nothing_x", { requestsPerMinute: 0 }))).toMatchObject({ reason: "key_unknown", details: {} });
  });

  it("limits each key to its requests per minute with a token bucket, refilling over time, and answers when to retry", async () => {
    const key = await create(admin, { name: "Busy bot", role: "viewer" });
    const other = await create(admin, { name: "Quiet bot", role: "viewer" });
    for (let i = 0; i < 3; i++) await expect(authenticateKey(h.db, key.key, { requestsPerMinute: 3 })).resolves.toMatchObject({ keyId: key.id });
    const limited = await refusal(authenticateKey(h.db, key.key, { requestsPerMinute: 3 }));
    // 3 a minute is one token every 20 s.
    expect(limited).toMatchObject({ code: "rate_limited", reason: "key_rate_limited", details: { keyId: key.id, retryAfter: 20 } });
    // Each key has its own bucket.
    await expect(authenticateKey(h.db, other.key, { requestsPerMinute: 3 })).resolves.toMatchObject({ keyId: other.id });
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.lastUsedAt).not.toBeNull();
    expect(row!.rateTokens).toBeLessThan(1);

    // 21 seconds later one more request is allowed, and only one.
    await h.db
      .update(apiKeys)
      .set({ rateRefilledAt: sql`${apiKeys.rateRefilledAt} - interval '21 seconds'` })
      .where(eq(apiKeys.id, key.id));
    await expect(authenticateKey(h.db, key.key, { requestsPerMinute: 3 })).resolves.toMatchObject({ keyId: key.id });
    expect(await refusal(authenticateKey(h.db, key.key, { requestsPerMinute: 3 }))).toMatchObject({ code: "rate_limited" });
    // A long pause refills the bucket to its size, not beyond.
    await h.db
      .update(apiKeys)
      .set({ rateRefilledAt: sql`${apiKeys.rateRefilledAt} - interval '1 hour'` })
      .where(eq(apiKeys.id, key.id));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => takeKeyRequest(h.db, key.id, 3)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    // 0 turns the limit off.
    for (let i = 0; i < 5; i++) expect(await takeKeyRequest(h.db, key.id, 0)).toEqual({ ok: true });
  });
});
