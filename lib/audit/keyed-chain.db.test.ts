// The keyed chain: new entries carry an HMAC with the audit key, legacy SHA-256 entries still verify, and someone with
// write access to the table (the trigger disabled, as its owner can) cannot rewrite an entry and re-hash what follows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import type { DatabaseHandle, Db } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { GENESIS_HASH, entryHash, keyedEntryHash, type HashedContent } from "./hash";
import { auditKey } from "./key";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

const actor = { actorId: "u-1", actorEmail: "ada@example.com", requestId: "req-1", ip: "127.0.0.1", userAgent: "vitest" };

function contentOf(row: AuditRow): HashedContent {
  const { at, actorId, actorEmail, action, targetType, targetId, diff, requestId, ip, userAgent } = row;
  return { at, actorId, actorEmail, action, targetType, targetId, diff, requestId, ip, userAgent };
}

async function rows(db: Db): Promise<AuditRow[]> {
  return db.select().from(auditLog).orderBy(asc(auditLog.id));
}

/** What the old code wrote: plain SHA-256, hash_alg left at its default. */
async function insertLegacy(db: Db, action: string): Promise<void> {
  const [last] = (await rows(db)).slice(-1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: HashedContent = {
    at: new Date(),
    actorId: null,
    actorEmail: "system",
    action,
    targetType: null,
    targetId: null,
    diff: { n: 1 },
    requestId: null,
    ip: null,
    userAgent: null,
  };
  await db.insert(auditLog).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
}

type Rehash = (prevHash: string, content: HashedContent) => { hash: string; alg: string };

/** The attack: change one entry, then recompute its hash and every later one's with `rehash`, as SQL would. */
async function rewriteFrom(db: Db, id: number, action: string, rehash: Rehash): Promise<void> {
  const all = await rows(db);
  let prevHash = all[all.findIndex((r) => r.id === id) - 1]?.hash ?? GENESIS_HASH;
  for (const row of all.filter((r) => r.id >= id)) {
    const content = { ...contentOf(row), action: row.id === id ? action : row.action };
    const { hash, alg } = rehash(prevHash, content);
    await db.execute(sql`update audit_log set action = ${content.action}, prev_hash = ${prevHash}, hash = ${hash}, hash_alg = ${alg} where id = ${row.id}`);
    prevHash = hash;
  }
}

describe("keyed audit chain", () => {
  let h: DatabaseHandle;
  let snapshot: AuditRow[];
  beforeAll(async () => {
    h = await createTestDb();
    await insertLegacy(h.db, "legacy.first");
    await insertLegacy(h.db, "legacy.second");
    await recordAudit(h.db, actor, { action: "user.created", targetType: "user", targetId: "u-2", diff: { role: { from: null, to: "viewer" } } });
    await recordAudit(h.db, actor, { action: "user.role_changed", targetType: "user", targetId: "u-2", diff: { role: { from: "viewer", to: "admin" } } });
    await recordAudit(h.db, actor, { action: "user.disabled", targetType: "user", targetId: "u-2" });
    snapshot = await rows(h.db);
    await h.db.execute(sql`alter table audit_log disable trigger all`);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function restore() {
    for (const row of snapshot) {
      await h.db.execute(
        sql`update audit_log set action = ${row.action}, prev_hash = ${row.prevHash}, hash = ${row.hash}, hash_alg = ${row.hashAlg} where id = ${row.id}`,
      );
    }
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  }

  it("writes new entries with an HMAC of the audit key and verifies them after the legacy ones", async () => {
    expect(snapshot.map((r) => r.hashAlg)).toEqual(["sha256", "sha256", "hmac-sha256", "hmac-sha256", "hmac-sha256"]);
    const keyed = snapshot[2]!;
    expect(keyed.prevHash).toBe(snapshot[1]!.hash);
    expect(keyed.hash).toBe(keyedEntryHash(auditKey(), keyed.prevHash, contentOf(keyed)));
    expect(keyed.hash).not.toBe(entryHash(keyed.prevHash, contentOf(keyed)));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, checked: 5, lastHash: snapshot[4]!.hash });
  });

  it("detects an entry rewritten and everything after it re-hashed with plain SHA-256", async () => {
    const target = snapshot[3]!;
    await rewriteFrom(h.db, target.id, "user.deleted", (prev, content) => ({ hash: entryHash(prev, content), alg: "hmac-sha256" }));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: target.id, reason: expect.stringMatching(/changed after it was written/) });
    await restore();
  });

  it("detects the same rewrite labelled as legacy SHA-256 entries", async () => {
    const target = snapshot[3]!;
    await rewriteFrom(h.db, target.id, "user.deleted", (prev, content) => ({ hash: entryHash(prev, content), alg: "sha256" }));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: target.id, reason: expect.stringMatching(/not hashed with the audit key/) });
    await restore();
  });

  it("detects a rewrite re-hashed with a key other than the audit key", async () => {
    const target = snapshot[2]!;
    const wrongKey = "not-the-audit-key-but-just-as-long-as-one-0000";
    await rewriteFrom(h.db, target.id, "user.created_by_nobody", (prev, content) => ({ hash: keyedEntryHash(wrongKey, prev, content), alg: "hmac-sha256" }));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: target.id, reason: expect.stringMatching(/changed after it was written/) });
    // The same chain verified with the forger's key is intact: the key, not the table, is what makes it trustworthy.
    expect(await verifyAuditChain(h.db, { key: wrongKey })).toMatchObject({ ok: true });
    await restore();
  });

  it("still detects a changed legacy entry", async () => {
    const legacy = snapshot[0]!;
    await h.db.execute(sql`update audit_log set action = 'legacy.forged' where id = ${legacy.id}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: legacy.id });
    await restore();
  });
});
