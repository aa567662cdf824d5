// GET|PUT /api/v1/settings/send-window with real API keys and a real database: any key reads the window, only an
// admin key changes it, bad hours are refused with the field named, and the change is audited with before and after.
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
const PATH = "/api/v1/settings/send-window";

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

  it("sends any time until an admin key sets a window, audited under the key with before and after", async () => {
    expect(await (await call(route.GET, keys.viewer)).json()).toEqual({ sendWindow: { window: null } });
    const hours = { from: "09:00", to: "20:00" };
    const window = {
      days: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: { from: "10:00", to: "16:00" }, sun: null },
      blockedDates: ["2026-12-25"],
    };
    expect((await call(route.PUT, keys.supervisor, { window })).status).toBe(403);
    expect((await call(route.PUT, keys.viewer, { window })).status).toBe(403);

    const backwards = await call(route.PUT, keys.admin, { window: { ...window, days: { ...window.days, mon: { from: "20:00", to: "09:00" } } } });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ error: { fields: { "window.days.mon.to": "The end must be after the start" } } });
    expect((await call(route.PUT, keys.admin, { window: { ...window, blockedDates: ["25/12/2026"] } })).status).toBe(400);
    expect((await call(route.PUT, keys.admin, { window: "office hours" })).status).toBe(400);

    const set = await call(route.PUT, keys.admin, { window });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ sendWindow: { window } });
    expect(await (await call(route.GET, keys.viewer)).json()).toEqual({ sendWindow: { window } });
    // Saving the same window again changes nothing and writes no second entry.
    expect((await call(route.PUT, keys.admin, { window })).status).toBe(200);
    expect((await call(route.PUT, keys.admin, { window: null })).status).toBe(200);
    expect(await (await call(route.GET, keys.viewer)).json()).toEqual({ sendWindow: { window: null } });

    const audit = await state.db!.db.select().from(auditLog).where(eq(auditLog.action, "settings.send_window_changed"));
    expect(audit.map((a) => [a.actorEmail, a.diff])).toEqual([
      ["api-key:admin key", { window: { from: null, to: window } }],
      ["api-key:admin key", { window: { from: window, to: null } }],
    ]);
  });
});
