// GET|PUT /api/v1/settings/frequency-caps with real API keys and a real database: any key reads the rules, only an
// admin key changes them, bad rules are refused with the field named, and the change is audited with before and after.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
// No browser session here: callers authenticate with keys only.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

const route = await import("./route");
const PATH = "/api/v1/settings/frequency-caps";

type Handler = (req: Request, segment: { params?: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, key: string, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${key}` };
  const method = body === undefined ? "GET" : "PUT";
  return handler(new Request(`http://console.test${PATH}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });
}

describe(PATH, () => {
  const keys: Record<"admin" | "supervisor" | "viewer", string> = { admin: "", supervisor: "", viewer: "" };

  beforeAll(async () => {
    state.db = await createTestDb();
    const u = await insertUser(state.db.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const admin = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "test-session", mustChangePassword: false };
    for (const role of ["admin", "supervisor", "viewer"] as const) {
      const res = await runAction(
        createApiKey,
        { name: `${role} key`, role },
        { user: admin, db: state.db.db, meta: { requestId: "r", ip: null, userAgent: null } },
      );
      if (!res.ok) throw new Error(res.error.message);
      keys[role] = (res.data as { key: string }).key;
    }
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("has no caps until an admin key sets them, audited under the key with before and after", async () => {
    expect(await (await call(route.GET, keys.viewer)).json()).toEqual({ frequencyCaps: { rules: [] } });
    const rules = [
      { count: 1, windowHours: 24, whenCapped: "skip" },
      { count: 3, windowHours: 168, whenCapped: "wait" },
    ];
    expect((await call(route.PUT, keys.supervisor, { rules })).status).toBe(403);
    expect((await call(route.PUT, keys.viewer, { rules })).status).toBe(403);

    const bad = await call(route.PUT, keys.admin, { rules: [{ count: 0, windowHours: 24 }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { "rules.0.count": "At least 1" } } });
    expect((await call(route.PUT, keys.admin, { rules: "daily" })).status).toBe(400);

    const set = await call(route.PUT, keys.admin, { rules });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ frequencyCaps: { rules } });
    expect(await (await call(route.GET, keys.viewer)).json()).toEqual({ frequencyCaps: { rules } });
    // Saving the same rules again changes nothing and writes no second entry.
    expect((await call(route.PUT, keys.admin, { rules })).status).toBe(200);

    const audit = await state.db!.db.select().from(auditLog).where(eq(auditLog.action, "settings.frequency_caps_changed"));
    expect(audit.map((a) => [a.actorEmail, a.diff])).toEqual([["api-key:admin key", { rules: { from: [], to: rules } }]]);
  });
});
