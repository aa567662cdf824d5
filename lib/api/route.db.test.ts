// The route wrapper over a real database: cross-site refusal for cookie sessions, keys on /api/v1 only, a key's rate
// limit, no-store on private answers, and one log line per refusal that names ids, never emails.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runAction, defineAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import type { SessionUser } from "@/lib/auth/session";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { z } from "zod";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/env", () => ({ env: () => ({ PUBLIC_URL: undefined, API_KEY_REQUESTS_PER_MINUTE: 2 }) }));

const { apiRoute } = await import("./route");

const meta = { requestId: "r", ip: null, userAgent: null };
type Call = { method?: string; origin?: string; site?: string; key?: string; body?: BodyInit; contentType?: string };
function request(path: string, c: Call = {}) {
  const headers: Record<string, string> = { host: "console.test", "x-request-id": "req-1" };
  if (c.origin) headers.origin = c.origin;
  if (c.site) headers["sec-fetch-site"] = c.site;
  if (c.key) headers.authorization = `Bearer ${c.key}`;
  if (c.contentType) headers["content-type"] = c.contentType;
  return new Request(`http://console.test${path}`, { method: c.method ?? "GET", headers, body: c.body });
}

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  for (const level of ["log", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((line: unknown) => {
      lines.push(typeof line === "string" && line.startsWith("{") ? JSON.parse(line) : { raw: String(line) });
    });
  }
  return lines;
}

describe("apiRoute", () => {
  let supervisor: SessionUser;
  let supervisorKey: string;
  let keyId: string;
  const calls: string[] = [];
  const pause = apiRoute("supervisor", async ({ user }) => {
    calls.push(user.id);
    return Response.json({ paused: true, by: user.email });
  });

  beforeAll(async () => {
    state.db = await createTestDb();
    const a = await insertUser(state.db.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const s = await insertUser(state.db.db, { email: "sam@example.com", name: "Sam", role: "supervisor", passwordHash: null });
    supervisor = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "s1", mustChangePassword: false };
    const admin = { id: a.id, email: a.email, name: a.name, role: "admin" as const, sessionId: "s0", mustChangePassword: false };
    const created = await runAction(createApiKey, { name: "CRM sync", role: "supervisor" }, { user: admin, db: state.db.db, meta });
    if (!created.ok) throw new Error(created.error.message);
    ({ key: supervisorKey, id: keyId } = created.data as { key: string; id: string });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    state.user = null;
    calls.length = 0;
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("refuses a cookie-authenticated change sent from another site, with 403 and one log line, and runs nothing", async () => {
    state.user = supervisor;
    const logs = captureLogs();
    const res = await pause(request("/api/v1/campaigns/c1/pause", { method: "POST", origin: "http://evil.example", contentType: "text/plain", body: "x" }), {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/came from another site/) } });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(calls).toEqual([]);
    expect(logs).toEqual([
      expect.objectContaining({
        level: "warn",
        event: "refused",
        route: "/api/v1/campaigns/c1/pause",
        method: "POST",
        actor: supervisor.id,
        reason: "cross_site_origin",
        status: 403,
        requestId: "req-1",
      }),
    ]);
    expect(JSON.stringify(logs)).not.toContain("sam@example.com");

    const noOrigin = await pause(request("/api/v1/campaigns/c1/pause", { method: "POST", site: "cross-site" }), {});
    expect(noOrigin.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it("refuses a signed-in user whose password was reset until they choose a new one, reads included", async () => {
    state.user = { ...supervisor, mustChangePassword: true };
    const logs = captureLogs();
    const res = await pause(request("/api/v1/campaigns/c1/pause", { method: "GET" }), {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/Change password/) } });
    expect(calls).toEqual([]);
    expect(logs).toEqual([expect.objectContaining({ event: "refused", reason: "password_change_pending", actor: supervisor.id })]);
  });

  it("accepts the console's own pages, reads without Origin checks, and marks private answers no-store", async () => {
    state.user = supervisor;
    const own = await pause(request("/api/v1/campaigns/c1/pause", { method: "POST", origin: "http://console.test" }), {});
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("no-store");
    const read = await pause(request("/api/v1/campaigns/c1/pause", { method: "GET", origin: "http://evil.example" }), {});
    expect(read.status).toBe(200);
    expect(calls).toEqual([supervisor.id, supervisor.id]);

    const ownCache = apiRoute("viewer", async () => new Response("x", { headers: { "cache-control": "private, max-age=60" } }));
    expect((await ownCache(request("/api/audit"), {})).headers.get("cache-control")).toBe("private, max-age=60");
    const open = apiRoute("public", async () => Response.json({ ok: true }));
    expect((await open(request("/api/health"), {})).headers.get("cache-control")).toBeNull();
  });

  it("lets a key act from anywhere on /api/v1 but refuses it elsewhere under /api, saying where keys work", async () => {
    const logs = captureLogs();
    const fromElsewhere = await pause(request("/api/v1/campaigns/c1/pause", { method: "POST", origin: "http://evil.example", key: supervisorKey }), {});
    expect(fromElsewhere.status).toBe(200);
    expect(await fromElsewhere.json()).toMatchObject({ by: "api-key:CRM sync" });

    const internal = apiRoute("supervisor", async () => Response.json({ imported: true }));
    const res = await internal(request("/api/suppression/import", { method: "POST", key: supervisorKey }), {});
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: "unauthenticated", message: expect.stringMatching(/API keys work on \/api\/v1 only/) });
    expect(logs).toEqual([expect.objectContaining({ event: "refused", route: "/api/suppression/import", reason: "key_outside_v1", status: 401 })]);
  });

  it("answers 429 with Retry-After once a key has used its requests this minute, and logs it against the key", async () => {
    const list = apiRoute("viewer", async () => Response.json({ campaigns: [] }));
    // Two a minute (the mocked API_KEY_REQUESTS_PER_MINUTE); the previous test used one.
    expect((await list(request("/api/v1/campaigns", { key: supervisorKey }), {})).status).toBe(200);
    const logs = captureLogs();
    const res = await list(request("/api/v1/campaigns", { key: supervisorKey }), {});
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    expect((await res.json()).error).toMatchObject({ code: "rate_limited" });
    expect(logs).toEqual([expect.objectContaining({ event: "refused", key: keyId, reason: "key_rate_limited", status: 429 })]);
    expect(logs[0]).not.toHaveProperty("actor");
  });

  it("logs a missing session and a missing role once each, by route or by action", async () => {
    const logs = captureLogs();
    expect((await pause(request("/api/v1/campaigns/c1/pause", { method: "POST" }), {})).status).toBe(401);
    state.user = { ...supervisor, role: "viewer" };
    expect((await pause(request("/api/v1/campaigns/c1/pause", { method: "POST" }), {})).status).toBe(403);
    const adminOnly = defineAction({ name: "test.adminOnly", access: "admin", input: z.object({}), handler: async () => "done" });
    const refused = await runAction(adminOnly, {}, { user: supervisor, db: state.db!.db, meta });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(logs).toEqual([
      expect.objectContaining({ event: "refused", route: "/api/v1/campaigns/c1/pause", reason: "unauthenticated", status: 401 }),
      expect.objectContaining({ event: "refused", route: "/api/v1/campaigns/c1/pause", actor: supervisor.id, reason: "role", status: 403 }),
      expect.objectContaining({ event: "refused", action: "test.adminOnly", actor: supervisor.id, reason: "role", status: 403, requestId: "r" }),
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/@example\.com/);
  });
});
