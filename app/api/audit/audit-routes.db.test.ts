// The audit routes end to end over a real database: filters, JSON shape, CSV export and chain verification.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, desc } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { auditLog, users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; user: SessionUser | null; dataDir: string } = { user: null, dataDir: "" };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db, getRuntime: async () => ({ env: { dataDir: state.dataDir } }) }));

const { GET: list } = await import("./route");
const { GET: exportCsv } = await import("./export/route");
const { POST: verify } = await import("./verify/route");

const viewer: SessionUser = { id: "u-viewer", email: "vera@example.com", name: "Vera", role: "viewer", sessionId: "s-viewer", mustChangePassword: false };
const supervisor: SessionUser = { id: "u-sup", email: "sam@example.com", name: "Sam", role: "supervisor", sessionId: "s-sup", mustChangePassword: false };
const call = (handler: typeof list, url: string, method = "GET") =>
  handler(new Request(`http://console.test${url}`, { method, headers: { "x-request-id": "req-test", "user-agent": "vitest" } }), {});

async function lastEntry() {
  const [row] = await state.db!.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row!;
}

describe("audit routes", () => {
  beforeAll(async () => {
    state.db = await createTestDb();
    state.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-routes-"));
    const actor = { actorId: "u-ada", actorEmail: "ada@example.com" };
    await recordAudit(state.db.db, actor, { action: "user.created", targetType: "user", targetId: "u-2", diff: { after: { role: "viewer" } } });
    await recordAudit(state.db.db, actor, {
      action: "user.role_changed",
      targetType: "user",
      targetId: "u-2",
      diff: { role: { from: "viewer", to: "=admin" } },
    });
  });
  afterAll(async () => {
    await state.db?.close();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
  });

  it("refuses a visitor who is not signed in", async () => {
    state.user = null;
    const res = await call(list, "/api/audit");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("lists entries newest first with ISO times and a cursor", async () => {
    state.user = viewer;
    const res = await call(list, "/api/audit?limit=1&action=user.");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]).toMatchObject({ action: "user.role_changed", actorEmail: "ada@example.com", targetId: "u-2" });
    expect(body.entries[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const next = await (await call(list, `/api/audit?limit=1&action=user.&cursor=${body.nextCursor}`)).json();
    expect(next.entries.map((e: { action: string }) => e.action)).toEqual(["user.created"]);
    expect(next.nextCursor).toBeNull();
  });

  it("answers a range that ends before it starts with a message on the To field", async () => {
    const res = await call(list, "/api/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid", fields: { to: "must be after the start of the range" } });
  });

  it("exports matching entries as CSV and records the export before the first row", async () => {
    const res = await call(exportCsv, "/api/audit/export?target=u-2");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{8}-\d{6}Z\.csv"$/);
    const exported = await lastEntry();
    expect(exported).toMatchObject({
      action: "audit.exported",
      actorEmail: viewer.email,
      requestId: "req-test",
      diff: { filter: { target: "u-2" }, format: "csv" },
    });

    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("id,at,actor_email,actor_id,action,target_type,target_id,diff,request_id,ip,user_agent,hash,prev_hash");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",user.role_changed,user,u-2,");
    // jsonb keeps its own key order, so look for the pair rather than the exact text.
    expect(lines[1]).toContain('""from"":""viewer""');
    expect(lines[1]).toContain('""to"":""=admin""');
    expect(lines[2]).toContain(",user.created,");
  });

  it("refuses a full verification to a viewer", async () => {
    state.user = viewer;
    const res = await call(verify, "/api/audit/verify", "POST");
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("verifies the chain for a supervisor without adding to it, and checkpoints the head it verified", async () => {
    state.user = supervisor;
    const before = await lastEntry();
    const entries = async () => (await state.db!.db.select({ n: count() }).from(auditLog))[0]!.n;
    const countBefore = await entries();
    for (const _ of [1, 2]) {
      const res = await call(verify, "/api/audit/verify", "POST");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, checked: 3, lastId: before.id, lastHash: before.hash });
    }
    expect(await entries()).toBe(countBefore);
    expect(await lastEntry()).toEqual(before);
    // The first verification wrote a checkpoint of the head; the second found it already covered.
    const lines = fs.readFileSync(path.join(state.dataDir, "audit-checkpoints.jsonl"), "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ count: 3, lastId: before.id, hash: before.hash })]);
    const third = await (await call(verify, "/api/audit/verify", "POST")).json();
    expect(third.checkpoint).toMatchObject({ count: 3, lastId: before.id });
  });

  it("names targets that have a name and links nothing it cannot name", async () => {
    state.user = viewer;
    const [user] = await state.db!.db.insert(users).values({ email: "ann@example.com", name: "Ann", role: "viewer", passwordHash: "x" }).returning();
    const actor = { actorId: "u-ada", actorEmail: "ada@example.com" };
    await recordAudit(state.db!.db, actor, { action: "user.disabled", targetType: "user", targetId: user!.id, diff: {} });
    await recordAudit(state.db!.db, actor, { action: "user.disabled", targetType: "user", targetId: "0f0e0d0c-0b0a-4909-8807-060504030201", diff: {} });
    const body = (await (await call(list, "/api/audit?limit=2&action=user.disabled")).json()) as {
      entries: { targetId: string; targetName: string | null }[];
    };
    expect(body.entries.map((e) => e.targetName)).toEqual([null, "ann@example.com"]);
  });
});
