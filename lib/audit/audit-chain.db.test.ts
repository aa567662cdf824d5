import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog, users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { rejectionText } from "@/lib/testing/error-text";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";
import { listAuditEntries } from "./queries";

const actor = { actorId: "u-1", actorEmail: "ada@example.com", requestId: "req-1", ip: "127.0.0.1", userAgent: "vitest" };

describe("audit log", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("chains entries and verifies them", async () => {
    await recordAudit(h.db, actor, {
      action: "user.created",
      targetType: "user",
      targetId: "u-2",
      diff: { role: { from: null, to: "viewer" }, z: 1, a: [1, { b: 2, a: 1 }] },
    });
    await recordAudit(h.db, actor, { action: "user.role_changed", targetType: "user", targetId: "u-2", diff: { role: { from: "viewer", to: "admin" } } });
    await recordAudit(h.db, { actorId: null, actorEmail: "system" }, { action: "system.started" });
    const rows = await h.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, checked: 3, lastId: rows[2]!.id, lastHash: rows[2]!.hash, checkpoint: null });
  });

  it("writes nothing when the surrounding transaction fails", async () => {
    const before = (await h.db.select().from(auditLog)).length;
    await expect(
      h.db.transaction(async (tx) => {
        await tx.insert(users).values({ email: "x@example.com", role: "viewer" });
        await recordAudit(tx, actor, { action: "user.created", targetId: "x" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await h.db.select().from(auditLog)).length).toBe(before);
    expect(await h.db.select().from(users).where(eq(users.email, "x@example.com"))).toHaveLength(0);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the table", async () => {
    expect(await rejectionText(h.db.execute(sql`update audit_log set action = 'forged'`))).toMatch(/append-only: UPDATE/);
    expect(await rejectionText(h.db.execute(sql`delete from audit_log`))).toMatch(/append-only: DELETE/);
    expect(await rejectionText(h.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it("lists newest first with filters and a cursor", async () => {
    const page1 = await listAuditEntries(h.db, { limit: 2 });
    expect(page1.entries.map((e) => e.action)).toEqual(["system.started", "user.role_changed"]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listAuditEntries(h.db, { limit: 2, cursor: page1.nextCursor! });
    expect(page2.entries.map((e) => e.action)).toEqual(["user.created"]);
    expect(page2.nextCursor).toBeNull();
    const byActor = await listAuditEntries(h.db, { limit: 50, actor: "ADA@" });
    expect(byActor.entries).toHaveLength(2);
    const byAction = await listAuditEntries(h.db, { limit: 50, action: "user." });
    expect(byAction.entries.map((e) => e.action)).toEqual(["user.role_changed", "user.created"]);
    const future = await listAuditEntries(h.db, { limit: 50, from: new Date(Date.now() + 60_000) });
    expect(future.entries).toHaveLength(0);
  });

  it("detects a changed entry and a removed entry", async () => {
    // Tampering needs the trigger out of the way, as a database superuser could do.
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    const rows = await h.db.select().from(auditLog).orderBy(auditLog.id);
    await h.db.execute(sql`update audit_log set action = 'user.deleted' where id = ${rows[1]!.id}`);
    const changed = await verifyAuditChain(h.db);
    expect(changed).toMatchObject({ ok: false, brokenAt: rows[1]!.id, checked: 1 });
    expect(!changed.ok && changed.reason).toMatch(/changed after it was written/);

    await h.db.execute(sql`update audit_log set action = ${rows[1]!.action} where id = ${rows[1]!.id}`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    await h.db.execute(sql`delete from audit_log where id = ${rows[0]!.id}`);
    const removed = await verifyAuditChain(h.db);
    expect(removed).toMatchObject({ ok: false, brokenAt: rows[1]!.id });
    expect(!removed.ok && removed.reason).toMatch(/removed or reordered/);
    await h.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
});
