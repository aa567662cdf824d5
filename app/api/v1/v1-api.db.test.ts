// The automation API end to end over a real database and the local simulator, authenticated with real API keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/actions";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaignRecipients, campaigns as campaignsTable } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { UNSTORABLE_TEXT } from "@/lib/text/safe-text";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
// No browser session here: callers authenticate with keys only.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

const campaigns = await import("./campaigns/route");
const campaign = await import("./campaigns/[id]/route");
const recipients = await import("./campaigns/[id]/recipients/route");
const launch = await import("./campaigns/[id]/launch/route");
const openapi = await import("./openapi.json/route");
const uploads = await import("./recipient-uploads/route");
const upload = await import("./recipient-uploads/[id]/route");
const sendingCapacity = await import("./settings/sending-capacity/route");

type Handler = (req: Request, seg: { params?: Promise<Record<string, string>> }) => Promise<Response>;
function call(
  handler: Handler,
  path: string,
  opts: { key?: string; body?: unknown; raw?: string | Uint8Array<ArrayBuffer>; params?: Record<string, string>; type?: string; method?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": opts.type ?? "application/json" };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const method = opts.method ?? (opts.body !== undefined || opts.raw !== undefined ? "POST" : "GET");
  const req = new Request(`http://console.test${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  return handler(req, { params: Promise.resolve(opts.params ?? {}) });
}

describe("automation API", () => {
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let supervisorKey: string;
  let viewerKey: string;
  let adminKey: string;
  let draft: Record<string, unknown>;

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const u = await insertUser(state.db.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const admin = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "test-session", mustChangePassword: false };
    const meta = { requestId: "r", ip: null, userAgent: null };
    const mk = async (name: string, role: "admin" | "supervisor" | "viewer") => {
      const res = await runAction(createApiKey, { name, role }, { user: admin, db: state.db!.db, meta });
      if (!res.ok) throw new Error(res.error.message);
      return (res.data as { key: string }).key;
    };
    supervisorKey = await mk("CRM sync", "supervisor");
    viewerKey = await mk("Dashboard", "viewer");
    adminKey = await mk("Provisioning", "admin");
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    draft = {
      name: "API spring",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!.arn,
      contactFlowId: (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!.id,
      message: { kind: "text", contentType: "text/plain", text: "Hello {{name}}" },
      defaultCountry: "US",
      recipients: [
        { phone: "(206) 555-0100", name: "Ada", attributes: { tier: "gold" } },
        { phone: "+12065550100", name: "Ada twice" },
        { phone: "nope", name: "Bad" },
      ],
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("refuses calls without a key or with an unknown key", async () => {
    expect((await call(campaigns.GET, "/api/v1/campaigns")).status).toBe(401);
    const res = await call(campaigns.GET, "/api/v1/campaigns", { key: "oc_nothing_here" });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: "unauthenticated", message: expect.stringMatching(/unknown or has been revoked/) });
  });

  it("creates a draft with its preflight, lists the ledger and launches it", async () => {
    const created = await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, body: draft });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.preflight.counts).toEqual({ valid: 1, invalid: 1, duplicate: 1, suppressed: 0 });
    expect(body.campaign).toMatchObject({ status: "draft", createdBy: "api-key:CRM sync", recipients: { total: 3, pending: 1, invalid: 1, duplicate: 1 } });
    expect(body.preflight.sampleRequest).toMatchObject({ attributes: { tier: "gold" }, initialSystemMessage: "Hello Ada" });
    // The check's capacity plan comes with the answer: one recipient, so nothing holds it back.
    expect(body.preflight.plan).toMatchObject({ seconds: expect.any(Number), binding: expect.any(String), input: { recipients: 1 } });
    const id = body.campaign.id as string;

    const page = await (await call(recipients.GET, `/api/v1/campaigns/${id}/recipients?status=pending`, { key: viewerKey, params: { id } })).json();
    expect(page.recipients.map((r: { phone: string }) => r.phone)).toEqual(["+12065550100"]);
    expect(page.nextCursor).toBeNull();
    const badFilter = await call(recipients.GET, `/api/v1/campaigns/${id}/recipients?status=lost`, { key: viewerKey, params: { id } });
    expect(badFilter.status).toBe(400);

    const viewerLaunch = await call(launch.POST, `/api/v1/campaigns/${id}/launch`, { key: viewerKey, body: { confirmRecipients: 1 }, params: { id } });
    expect(viewerLaunch.status).toBe(403);
    // One row of three is invalid: the API client confirms that count as well, as the console's dialog asks the user to.
    const unconfirmed = await call(launch.POST, `/api/v1/campaigns/${id}/launch`, { key: supervisorKey, body: { confirmRecipients: 1 }, params: { id } });
    expect(unconfirmed.status).toBe(409);
    expect((await unconfirmed.json()).error.message).toMatch(/^1 of 3 rows \(33 %\) are invalid and will not be sent/);
    const launched = await call(launch.POST, `/api/v1/campaigns/${id}/launch`, {
      key: supervisorKey,
      body: { confirmRecipients: 1, confirmInvalid: 1 },
      params: { id },
    });
    expect(launched.status).toBe(200);
    expect((await launched.json()).campaign.status).toBe("scheduled");
    const got = await (await call(campaign.GET, `/api/v1/campaigns/${id}`, { key: viewerKey, params: { id } })).json();
    expect(got.campaign.status).toBe("scheduled");
    expect(got.campaign.plan.input.recipients).toBe(1);
    // Waiting for its start, it has an ETA made from now: one row still to send.
    expect(got.eta).toMatchObject({ input: { recipients: 1 }, blockedBy: null });

    const audit = await state.db!.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["campaign.created", "api-key:CRM sync"],
      ["campaign.launched", "api-key:CRM sync"],
    ]);
  });

  it("answers bad input with JSON errors naming the fields", async () => {
    const notJson = await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, raw: "{" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toBe("The request body must be JSON");
    const missing = await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, body: { ...draft, name: "", recipients: [] } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields).toMatchObject({ name: "Name the campaign", recipients: "Give at least one recipient" });
  });

  it("answers text that cannot be stored, or a body that is not UTF-8, with 400 naming the field, and stores nothing", async () => {
    const countCampaigns = async () => (await state.db!.db.select().from(campaignsTable)).length;
    const before = await countCampaigns();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...draft, name: "Spring\u0000sale" }, "name", UNSTORABLE_TEXT],
      [{ ...draft, description: "half a pair \uD83D" }, "description", UNSTORABLE_TEXT],
      [{ ...draft, recipients: [{ phone: "+12065550100", name: "Ada\u0000" }] }, "recipients.0.name", UNSTORABLE_TEXT],
      [
        {
          ...draft,
          recipients: { format: "csv", text: "phone,name\n+12065550100,Ada\n+12065550101,B\uDC00b\n", mapping: { phoneColumn: "phone", nameColumn: "name" } },
        },
        "recipients.text",
        `Line 3 ${UNSTORABLE_TEXT}`,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, body });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields).toMatchObject({ [field]: message });
    }
    const json = JSON.stringify({ ...draft, name: "Caf_" });
    const bytes = new TextEncoder().encode(json);
    bytes[json.indexOf("Caf_") + 3] = 0xe9; // "Café" in Latin-1 (the body is ASCII up to there)
    const latin1 = await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, raw: bytes });
    expect(latin1.status).toBe(400);
    expect((await latin1.json()).error.message).toBe("The request body must be JSON encoded as UTF-8");
    expect(await countCampaigns()).toBe(before);
  });

  it("uploads a recipient list once with a supervisor key and shows it to a viewer key", async () => {
    const csv = "phone,name\n+12065550100,Ada\n+12065550101,Bo\n";
    const refused = await call(uploads.POST, "/api/v1/recipient-uploads?format=csv", { key: viewerKey, raw: csv, type: "text/csv" });
    expect(refused.status).toBe(403);
    const res = await call(uploads.POST, "/api/v1/recipient-uploads?format=csv&fileName=crm.csv", { key: supervisorKey, raw: csv, type: "text/csv" });
    expect(res.status).toBe(201);
    const made = (await res.json()).upload;
    expect(made).toMatchObject({
      format: "csv",
      fileName: "crm.csv",
      rows: 2,
      header: ["phone", "name"],
      sample: [
        ["+12065550100", "Ada"],
        ["+12065550101", "Bo"],
      ],
      bytes: csv.length,
    });
    const got = await call(upload.GET, `/api/v1/recipient-uploads/${made.id}`, { key: viewerKey, params: { id: made.id } });
    expect(await got.json()).toEqual({ upload: made });
    const [entry] = await state.db!.db.select().from(auditLog).where(eq(auditLog.targetId, made.id));
    expect(entry).toMatchObject({ action: "recipients.uploaded", actorEmail: "api-key:CRM sync", diff: { rows: 2, bytes: csv.length, fileName: "crm.csv" } });

    // A draft names the upload; saving it again with only a new name leaves its ledger rows as they were.
    const body = {
      ...draft,
      defaultCountry: undefined,
      recipients: { format: "csv", uploadId: made.id, mapping: { phoneColumn: "phone", nameColumn: "name" } },
    };
    const created = await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, body });
    expect(created.status).toBe(201);
    const first = await created.json();
    expect(first.preflight.counts).toEqual({ valid: 2, invalid: 0, duplicate: 0, suppressed: 0 });
    const id = first.campaign.id as string;
    const rowIds = async () =>
      (await state.db!.db.select({ id: campaignRecipients.id }).from(campaignRecipients).where(eq(campaignRecipients.campaignId, id))).map((r) => r.id).sort();
    const before = await rowIds();
    const renamed = await call(campaign.PATCH, `/api/v1/campaigns/${id}`, {
      key: supervisorKey,
      method: "PATCH",
      body: { ...body, name: "API spring, renamed" },
      params: { id },
    });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).campaign).toMatchObject({ name: "API spring, renamed", status: "draft" });
    expect(await rowIds()).toEqual(before);
    const viewerPatch = await call(campaign.PATCH, `/api/v1/campaigns/${id}`, { key: viewerKey, method: "PATCH", body, params: { id } });
    expect(viewerPatch.status).toBe(403);
    const unknown = "00000000-0000-4000-8000-00000000dead";
    const missing = await call(campaign.PATCH, `/api/v1/campaigns/${unknown}`, { key: supervisorKey, method: "PATCH", body, params: { id: unknown } });
    expect(missing.status).toBe(404);
  });

  it("stops accepting a revoked key", async () => {
    const list = await state.db!.db.query.apiKeys.findMany();
    const key = list.find((k) => k.name === "Dashboard")!;
    const admin = { id: key.createdBy, email: "root@example.com", name: "Root", role: "admin" as const, sessionId: "test-session", mustChangePassword: false };
    await runAction(revokeApiKey, { keyId: key.id }, { user: admin, db: state.db!.db, meta: { requestId: "r", ip: null, userAgent: null } });
    expect((await call(campaigns.GET, "/api/v1/campaigns", { key: viewerKey })).status).toBe(401);
  });

  it("publishes an OpenAPI document of every resource", async () => {
    const doc = await (await call(openapi.GET, "/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/campaigns",
        "/api/v1/campaigns/{id}/launch",
        "/api/v1/test-sends",
        "/api/v1/templates",
        "/api/v1/recipient-uploads",
        "/api/v1/recipient-uploads/{id}",
        "/api/v1/settings/sending-capacity",
      ]),
    );
    const recipientsDoc = doc.paths["/api/v1/campaigns"].post.requestBody.content["application/json"].schema.properties.recipients;
    expect(JSON.stringify(recipientsDoc)).toContain('"uploadId"');
    expect(Object.keys(doc.paths["/api/v1/recipient-uploads"].post.requestBody.content)).toEqual(expect.arrayContaining(["text/csv", "multipart/form-data"]));
    expect(doc.paths["/api/v1/recipient-uploads"].post.responses["413"]).toBeDefined();
  });

  it("sets a number's messages per second with an admin key only, audited, and the next check plans with it", async () => {
    const arn = draft.sourcePhoneNumberArn as string;
    const body = { numbers: [{ arn, phoneNumber: "+12065550142", messagesPerSecond: 20 }], whatsAppDailyLimit: "2000" };
    const path = "/api/v1/settings/sending-capacity";
    expect((await call(sendingCapacity.PUT, path, { key: supervisorKey, body, method: "PUT" })).status).toBe(403);
    const bad = await call(sendingCapacity.PUT, path, { key: adminKey, body: { ...body, whatsAppDailyLimit: "5" }, method: "PUT" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/250, 2,000, 10,000, 100,000 or unlimited/);
    const set = await call(sendingCapacity.PUT, path, { key: adminKey, body, method: "PUT" });
    expect(set.status).toBe(200);
    expect((await set.json()).sendingCapacity).toEqual({ numberMessagesPerSecond: { [arn]: 20 }, whatsAppDailyLimit: 2000 });
    const read = await (await call(sendingCapacity.GET, path, { key: supervisorKey })).json();
    expect(read).toMatchObject({ sendingCapacity: { numberMessagesPerSecond: { [arn]: 20 } } });
    const audit = await state.db!.db.select().from(auditLog).where(eq(auditLog.action, "settings.sending_capacity_changed"));
    expect(audit.map((a) => a.actorEmail)).toEqual(["api-key:Provisioning"]);
    const checked = await (await call(campaigns.POST, "/api/v1/campaigns", { key: supervisorKey, body: draft })).json();
    expect(checked.preflight.plan.input.numberPerSecond).toBe(20);
  });
});
