// GET|PUT /api/v1/settings/chat-streaming with real API keys, a real database and local Connect: any key reads the
// topics, only an admin key changes them, and the change is audited under the key's name.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { catalog, fixtures, harnessForFile } from "@/lib/connect-local/test-harness";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
// No browser session here: callers authenticate with keys only.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

const route = await import("./route");
const sim = harnessForFile();
const PATH = "/api/v1/settings/chat-streaming";
const TOPIC = `arn:aws:sns:${catalog.region}:${catalog.accountId}:console-chats`;

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
    useGatewayForProcess(createConnectGateway({ mode: "local", endpoint: sim.server.url, region: catalog.region, maxAttempts: 1 }));
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
    useGatewayForProcess(undefined);
    await state.db?.close();
  });

  it("sets an instance's topic with an admin key only, audited under the key, and any key reads it back", async () => {
    const body = { instances: [{ instanceId: fixtures.instance.id, topicArn: TOPIC }] };
    expect((await call(route.PUT, keys.supervisor, body)).status).toBe(403);
    expect((await call(route.PUT, keys.viewer, body)).status).toBe(403);

    const bad = await call(route.PUT, keys.admin, { instances: [{ instanceId: fixtures.instance.id, topicArn: `${TOPIC}.fifo` }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { "instances.0.topicArn": expect.stringMatching(/FIFO/) } } });

    const set = await call(route.PUT, keys.admin, body);
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ chatStreaming: { topics: { [fixtures.instance.id]: TOPIC } } });
    expect(await (await call(route.GET, keys.viewer)).json()).toEqual({ chatStreaming: { topics: { [fixtures.instance.id]: TOPIC } } });

    const audit = await state.db!.db.select().from(auditLog).where(eq(auditLog.action, "settings.chat_streaming_changed"));
    expect(audit.map((a) => [a.actorEmail, a.diff])).toEqual([
      ["api-key:admin key", { [`topics.${fixtures.instance.id}`]: { from: `arn:aws:sns:${catalog.region}:${catalog.accountId}:chat-stream`, to: TOPIC } }],
    ]);
  });
});
