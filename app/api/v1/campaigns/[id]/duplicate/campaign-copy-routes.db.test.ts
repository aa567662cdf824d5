// POST /api/v1/campaigns/{id}/duplicate, /reschedule and /unschedule with real API keys over a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { transitionCampaign } from "@/lib/campaigns/queries";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { openApiDocument } from "@/lib/openapi/document";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

const campaigns = await import("../../route");
const launch = await import("../launch/route");
const control = await import("../[control]/route");
const duplicate = await import("./route");

type Handler = (req: Request, seg: { params?: Promise<Record<string, string>> }) => Promise<Response>;
function post(handler: Handler, path: string, opts: { key?: string; body?: unknown; raw?: string; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const body = opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  return handler(new Request(`http://console.test${path}`, { method: "POST", headers, body }), { params: Promise.resolve(opts.params ?? {}) });
}

const UNKNOWN = "00000000-0000-4000-8000-00000000000f";
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe("campaign duplicate, reschedule and unschedule API", () => {
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let supervisorKey: string;
  let viewerKey: string;
  let draft: Record<string, unknown>;

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const u = await insertUser(state.db.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const admin = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "s", mustChangePassword: false };
    const mk = async (name: string, role: "supervisor" | "viewer") => {
      const res = await runAction(createApiKey, { name, role }, { user: admin, db: state.db!.db, meta: { requestId: "r", ip: null, userAgent: null } });
      if (!res.ok) throw new Error(res.error.message);
      return (res.data as { key: string }).key;
    };
    supervisorKey = await mk("CRM sync", "supervisor");
    viewerKey = await mk("Dashboard", "viewer");
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    draft = {
      name: "API autumn",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!.arn,
      contactFlowId: (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!.id,
      message: { kind: "text", contentType: "text/plain", text: "Hello {{name}}" },
      defaultCountry: "US",
      recipients: [
        { phone: "+12065550100", name: "Ada" },
        { phone: "+12065550101", name: "Bob" },
      ],
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  const scheduledCampaign = async (at: string) => {
    const created = await post(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, body: { ...draft, schedule: { mode: "at", at } } });
    expect(created.status).toBe(201);
    const id = (await created.json()).campaign.id as string;
    const launched = await post(launch.POST, `/api/v1/campaigns/${id}/launch`, { key: supervisorKey, body: { confirmRecipients: 2 }, params: { id } });
    expect(launched.status).toBe(200);
    return id;
  };

  it("duplicates a campaign into a 201 draft with its preflight, for supervisor keys only", async () => {
    const id = await scheduledCampaign(inHours(1));
    expect((await post(duplicate.POST, `/api/v1/campaigns/${id}/duplicate`, { params: { id } })).status).toBe(401);
    expect((await post(duplicate.POST, `/api/v1/campaigns/${id}/duplicate`, { key: viewerKey, params: { id } })).status).toBe(403);
    const res = await post(duplicate.POST, `/api/v1/campaigns/${id}/duplicate`, { key: supervisorKey, params: { id } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.campaign).toMatchObject({ name: "API autumn (copy)", status: "draft", createdBy: "api-key:CRM sync", recipients: { total: 2, pending: 2 } });
    expect(body.campaign.id).not.toBe(id);
    expect(body.preflight.counts).toEqual({ valid: 2, invalid: 0, duplicate: 0, suppressed: 0 });
    const missing = await post(duplicate.POST, `/api/v1/campaigns/${UNKNOWN}/duplicate`, { key: supervisorKey, params: { id: UNKNOWN } });
    expect(missing.status).toBe(404);
    const bad = await post(duplicate.POST, "/api/v1/campaigns/nope/duplicate", { key: supervisorKey, params: { id: "nope" } });
    expect(bad.status).toBe(400);
  });

  it("reschedules with a future time, and answers bad input with 400, an unknown campaign with 404 and a started one with 409", async () => {
    const id = await scheduledCampaign(inHours(1));
    const at = (params: Record<string, string>, body?: unknown, key = supervisorKey) =>
      post(control.POST, `/api/v1/campaigns/${params.id}/reschedule`, { key, body, params: { control: "reschedule", ...params } });
    expect((await at({ id }, { scheduledAt: inHours(2) }, viewerKey)).status).toBe(403);
    const moved = await at({ id }, { scheduledAt: inHours(2), timeZone: "Asia/Tokyo" });
    expect(moved.status).toBe(200);
    expect((await moved.json()).campaign).toMatchObject({ id, status: "scheduled" });

    const past = await at({ id }, { scheduledAt: inHours(-2) });
    expect(past.status).toBe(400);
    expect((await past.json()).error).toMatchObject({ code: "invalid", fields: { scheduledAt: "Choose a time in the future" } });
    expect((await at({ id })).status).toBe(400);
    const notObject = await post(control.POST, `/api/v1/campaigns/${id}/reschedule`, { key: supervisorKey, raw: "[1]", params: { id, control: "reschedule" } });
    expect(notObject.status).toBe(400);
    expect((await at({ id: UNKNOWN }, { scheduledAt: inHours(2) })).status).toBe(404);

    await transitionCampaign(state.db!.db, id, "scheduled", "running");
    const started = await at({ id }, { scheduledAt: inHours(3) });
    expect(started.status).toBe(409);
    expect((await started.json()).error.message).toBe("This campaign has already started (running): it can no longer be rescheduled");
  });

  it("sends a scheduled campaign back to draft, and refuses one no longer scheduled with 409", async () => {
    const id = await scheduledCampaign(inHours(1));
    const back = (cid: string, key = supervisorKey) =>
      post(control.POST, `/api/v1/campaigns/${cid}/unschedule`, { key, params: { id: cid, control: "unschedule" } });
    expect((await back(id, viewerKey)).status).toBe(403);
    const res = await back(id);
    expect(res.status).toBe(200);
    expect((await res.json()).campaign).toMatchObject({ id, status: "draft" });
    const again = await back(id);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/draft, not scheduled/);
    expect((await back(UNKNOWN)).status).toBe(404);
  });

  it("describes the three routes in the OpenAPI document", () => {
    const paths = openApiDocument("http://console.test").paths as Record<string, { post?: { requestBody?: unknown } }>;
    expect(paths["/api/v1/campaigns/{id}/duplicate"]?.post).toBeDefined();
    expect(paths["/api/v1/campaigns/{id}/unschedule"]?.post).toBeDefined();
    expect(JSON.stringify(paths["/api/v1/campaigns/{id}/reschedule"]?.post?.requestBody)).toContain("scheduledAt");
  });
});
