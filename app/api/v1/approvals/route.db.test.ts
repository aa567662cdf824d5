// The approval steps through the automation API with real keys, a real database and the Connect simulator: a key acts
// for the admin who created it, so that admin's keys cannot approve a launch asked for through another of their keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import type { SessionUser } from "@/lib/auth/session";
import { saveDraft } from "@/lib/campaigns/actions";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import type { DatabaseHandle } from "@/lib/db/types";
import { openApiDocument } from "@/lib/openapi/document";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

const list = await import("./route");
const setting = await import("../settings/approval/route");
const ask = await import("../campaigns/[id]/approval-request/route");
const approve = await import("../campaigns/[id]/approve/route");
const reject = await import("../campaigns/[id]/reject/route");

type Handler = (req: Request, segment: { params?: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, key: string, opts: { method?: string; path?: string; id?: string; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${key}` };
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  return handler(new Request(`http://console.test${opts.path ?? "/api/v1/x"}`, { method: opts.method ?? "POST", headers, body }), {
    params: Promise.resolve<Record<string, string>>(opts.id ? { id: opts.id } : {}),
  });
}

describe("approval API", () => {
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  const keys = { rootAdmin: "", rootSupervisor: "", bossAdmin: "", viewer: "" };
  let campaignId = "";

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const meta = { requestId: "r", ip: null, userAgent: null };
    const admins: SessionUser[] = [];
    for (const email of ["root@example.com", "boss@example.com"]) {
      const u = await insertUser(state.db.db, { email, name: email, role: "admin", passwordHash: null });
      admins.push({ id: u.id, email: u.email, name: u.name, role: "admin", sessionId: "s", mustChangePassword: false });
    }
    const key = async (by: SessionUser, name: string, role: "admin" | "supervisor" | "viewer") => {
      const res = await runAction(createApiKey, { name, role }, { user: by, db: state.db!.db, meta });
      if (!res.ok) throw new Error(res.error.message);
      return (res.data as { key: string }).key;
    };
    keys.rootAdmin = await key(admins[0]!, "root admin", "admin");
    keys.rootSupervisor = await key(admins[0]!, "root supervisor", "supervisor");
    keys.bossAdmin = await key(admins[1]!, "boss admin", "admin");
    keys.viewer = await key(admins[1]!, "boss viewer", "viewer");

    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const saved = await runAction(
      saveDraft,
      {
        campaign: {
          name: "Big",
          instanceId: instance.id,
          channel: "sms",
          sourcePhoneNumberArn: (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!.arn,
          contactFlowId: (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!.id,
          recipients: { format: "paste", text: "+12065550100\n+12065550101", mapping: { phoneColumn: "phone" } },
          message: { kind: "text", contentType: "text/plain", text: "Hello" },
        },
      },
      { user: admins[0]!, db: state.db.db, meta },
    );
    if (!saved.ok) throw new Error(saved.error.message);
    campaignId = (saved.data as { campaignId: string }).campaignId;
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("reads and sets the approval setting, admin keys only", async () => {
    expect(await (await call(setting.GET, keys.viewer, { method: "GET" })).json()).toEqual({
      approval: { enabled: false, aboveRecipients: 1000, whatsAppMarketing: false },
    });
    expect((await call(setting.PUT, keys.rootSupervisor, { method: "PUT", body: { enabled: true, aboveRecipients: 1 } })).status).toBe(403);
    const bad = await call(setting.PUT, keys.rootAdmin, { method: "PUT", body: { enabled: true, aboveRecipients: -1 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { aboveRecipients: "At least 0 (every launch)" } } });
    expect(await (await call(setting.PUT, keys.rootAdmin, { method: "PUT", body: { enabled: true, aboveRecipients: 1 } })).json()).toEqual({
      approval: { enabled: true, aboveRecipients: 1, whatsAppMarketing: false },
    });
    const put = async (body: object) => (await call(setting.PUT, keys.rootAdmin, { method: "PUT", body })).json();
    expect(await put({ enabled: true, aboveRecipients: 1, whatsAppMarketing: true })).toEqual({
      approval: { enabled: true, aboveRecipients: 1, whatsAppMarketing: true },
    });
    // A client that does not know the WhatsApp rule leaves it as it is.
    expect(await put({ enabled: true, aboveRecipients: 1 })).toEqual({ approval: { enabled: true, aboveRecipients: 1, whatsAppMarketing: true } });
    expect(await put({ enabled: true, aboveRecipients: 1, whatsAppMarketing: "yes" })).toMatchObject({
      error: { fields: { whatsAppMarketing: "Say whether WhatsApp marketing sends need approval" } },
    });
    expect(await put({ enabled: true, aboveRecipients: 1, whatsAppMarketing: false })).toEqual({
      approval: { enabled: true, aboveRecipients: 1, whatsAppMarketing: false },
    });
  });

  it("asks, lists, refuses the asker's own admin key and a viewer key, needs a reject comment, and approves", async () => {
    expect((await call(ask.POST, keys.viewer, { id: campaignId })).status).toBe(403);
    expect((await call(ask.POST, keys.rootSupervisor, { id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    const asked = await call(ask.POST, keys.rootSupervisor, { id: campaignId });
    expect(asked.status).toBe(201);
    expect(await asked.json()).toMatchObject({ approval: { status: "pending", recipients: 2, requestedByEmail: "api-key:root supervisor" } });
    expect((await call(ask.POST, keys.rootSupervisor, { id: campaignId })).status).toBe(409);

    const pending = await (await call(list.GET, keys.viewer, { method: "GET", path: "/api/v1/approvals?status=pending" })).json();
    expect(pending.approvals).toEqual([
      expect.objectContaining({
        campaign: { id: campaignId, name: "Big", channel: "sms" },
        status: "pending",
        recipients: 2,
        requestedBy: "api-key:root supervisor",
      }),
    ]);
    expect((await call(list.GET, keys.viewer, { method: "GET", path: "/api/v1/approvals?status=maybe" })).status).toBe(400);

    const own = await call(approve.POST, keys.rootAdmin, { id: campaignId });
    expect(own.status).toBe(403);
    expect(await own.json()).toMatchObject({ error: { message: "You cannot approve or reject your own campaign: another approver must decide" } });
    expect((await call(approve.POST, keys.viewer, { id: campaignId })).status).toBe(403);
    const noComment = await call(reject.POST, keys.bossAdmin, { id: campaignId, body: {} });
    expect(noComment.status).toBe(400);
    expect(await noComment.json()).toMatchObject({ error: { fields: { comment: "Say why you reject this launch" } } });
    expect((await call(approve.POST, keys.bossAdmin, { id: campaignId, raw: "{not json" })).status).toBe(400);

    const approved = await call(approve.POST, keys.bossAdmin, { id: campaignId });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ approval: { status: "approved", decidedByEmail: "api-key:boss admin", comment: null } });
    expect((await call(reject.POST, keys.bossAdmin, { id: campaignId, body: { comment: "Too late" } })).status).toBe(409);
    expect((await (await call(list.GET, keys.viewer, { method: "GET", path: "/api/v1/approvals" })).json()).approvals).toEqual([]);
    const done = await (await call(list.GET, keys.viewer, { method: "GET", path: "/api/v1/approvals?status=approved" })).json();
    expect(done.approvals).toEqual([expect.objectContaining({ decidedBy: "api-key:boss admin" })]);
    const one = await (await call(list.GET, keys.viewer, { method: "GET", path: `/api/v1/approvals?campaignId=${campaignId}` })).json();
    expect(one.approvals).toEqual([expect.objectContaining({ campaignId, status: "approved", decidedByEmail: "api-key:boss admin" })]);
  });

  it("is described in the OpenAPI document", () => {
    const paths = openApiDocument("http://console.test").paths as Record<string, Record<string, { requestBody?: unknown }>>;
    for (const p of ["/api/v1/campaigns/{id}/approval-request", "/api/v1/campaigns/{id}/approve", "/api/v1/campaigns/{id}/reject"])
      expect(paths[p]?.post).toBeDefined();
    expect(paths["/api/v1/approvals"]?.get).toBeDefined();
    expect(JSON.stringify(paths["/api/v1/settings/approval"]?.put?.requestBody)).toContain("aboveRecipients");
    expect(JSON.stringify(paths["/api/v1/campaigns/{id}/reject"]?.post?.requestBody)).toContain("comment");
  });
});
