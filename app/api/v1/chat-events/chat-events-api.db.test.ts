// POST and GET /api/v1/chat-events with real API keys, a real database and the local Connect simulator: the same
// action as the Chat events page, with the number also named by its E.164 phone number.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import { ACCESS_DENIED_EXPLANATION } from "@/lib/chat-events/explain-error";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import type { PhoneNumber } from "@/lib/connect/types";
import { auditLog, chatEvents, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startSim, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb } from "@/lib/testing/test-db";
import { UNSTORABLE_TEXT } from "@/lib/text/safe-text";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
// No browser session here: callers authenticate with keys only.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));

const route = await import("./route");
const openapi = await import("../openapi.json/route");

type Handler = (req: Request, seg: { params?: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, path: string, opts: { key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const method = opts.body !== undefined ? "POST" : "GET";
  const res = await handler(
    new Request(`http://console.test${path}`, { method, headers, body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
}

describe("/api/v1/chat-events", () => {
  let sim: Sim;
  let supervisorKey: string;
  let viewerKey: string;
  let instanceId: string;
  let dual: PhoneNumber;

  const post = (body: unknown, key = supervisorKey) => call(route.POST, "/api/v1/chat-events", { key, body });
  const message = (customerPhone: string, text: string, extra: Record<string, unknown> = {}) => ({
    instanceId,
    destinationPhoneNumber: "+18885550100",
    channel: "sms",
    customerPhone,
    eventType: "MESSAGE",
    contentType: "text/plain",
    content: text,
    ...extra,
  });
  const tally = async () => ({
    events: (await state.db!.db.select({ n: count() }).from(chatEvents))[0]!.n,
    audit: (await state.db!.db.select({ n: count() }).from(auditLog))[0]!.n,
    contacts: (await state.db!.db.select({ n: count() }).from(contacts))[0]!.n,
  });

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startSim();
    useGatewayForProcess(sim.gateway);
    const u = await insertUser(state.db.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const admin = { id: u.id, email: u.email, name: u.name, role: "admin" as const, sessionId: "test-session", mustChangePassword: false };
    const mk = async (name: string, role: "supervisor" | "viewer") => {
      const res = await runAction(createApiKey, { name, role }, { user: admin, db: state.db!.db, meta: { requestId: "r", ip: null, userAgent: null } });
      if (!res.ok) throw new Error(res.error.message);
      return res.data.key;
    };
    supervisorKey = await mk("Helpdesk bridge", "supervisor");
    viewerKey = await mk("Dashboard", "viewer");
    instanceId = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!.id;
    dual = (await sim.gateway.listPhoneNumbers(instanceId)).find((n) => n.phoneNumber === "+18885550100")!;
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("refuses a viewer key with 403 and stores nothing, and refuses calls without a key", async () => {
    const before = await tally();
    const res = await post(message("+14155550150", "Hello"), viewerKey);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect((await post(message("+14155550150", "Hello"), "")).status).toBe(401);
    expect(await tally()).toEqual(before);
    expect((await sim.contacts()).filter((c) => c.customerAddress === "+14155550150")).toEqual([]);
  });

  it("starts a chat with a MESSAGE to the number given in E.164, then ends it with a DISCONNECT", async () => {
    const started = await post(
      message("+1 (415) 555-0151", "Hi, where is my order?", { newSession: { participantDisplayName: "Ada", attributes: { orderId: "1042" } } }),
    );
    expect(started.status).toBe(201);
    const contactId = started.body.contactId as string;
    expect(contactId).toBeTruthy();
    expect(started.body).toMatchObject({
      newChatCreated: true,
      reply: null,
      optOut: null,
      suppressionChanged: false,
      event: {
        eventType: "MESSAGE",
        status: "sent",
        origin: "console",
        actorEmail: "api-key:Helpdesk bridge",
        customerPhone: "+14155550151",
        destinationPhone: "+18885550100",
        contactId,
        newChatCreated: true,
        error: null,
      },
    });
    expect(await sim.gateway.describeContact(instanceId, contactId)).toMatchObject({ customerAddress: "+14155550151", attributes: { orderId: "1042" } });
    const [contact] = await state.db!.db.select().from(contacts).where(eq(contacts.contactId, contactId));
    expect(contact).toMatchObject({ origin: "chat_event", createdBy: "api-key:Helpdesk bridge", sourcePhoneNumberArn: dual.arn });

    const ended = await post({ ...message("+14155550151", ""), eventType: "DISCONNECT", contentType: "" });
    expect(ended.status).toBe(201);
    expect(ended.body).toMatchObject({
      contactId,
      newChatCreated: false,
      event: { eventType: "DISCONNECT", contentType: null, content: null, status: "sent", contactId },
    });
    expect((await sim.gateway.describeContact(instanceId, contactId)).disconnectedAt).toBeInstanceOf(Date);

    const audit = await state.db!.db.select().from(auditLog).where(eq(auditLog.action, "chat_event.sent")).orderBy(desc(auditLog.id)).limit(2);
    expect(audit.map((a) => [a.actorEmail, a.targetId, (a.diff as { eventType: string }).eventType])).toEqual([
      ["api-key:Helpdesk bridge", String(ended.body.event.id), "DISCONNECT"],
      ["api-key:Helpdesk bridge", String(started.body.event.id), "MESSAGE"],
    ]);

    const listed = await call(route.GET, `/api/v1/chat-events?contactId=${encodeURIComponent(contactId)}`, { key: viewerKey });
    expect(listed.status).toBe(200);
    expect(listed.body.events.map((e: { id: number }) => e.id)).toEqual([ended.body.event.id, started.body.event.id]);
  });

  it("also takes the number's ARN as phoneNumberId, as the page does", async () => {
    const { destinationPhoneNumber: _byPhone, ...body } = message("+14155550152", "Hello from the ARN");
    const res = await post({ ...body, phoneNumberId: dual.arn });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ newChatCreated: true, event: { destinationPhone: "+18885550100", status: "sent" } });
  });

  it("answers 400 naming the field when the number is not one of the instance's, and stores nothing", async () => {
    const before = await tally();
    const foreign = await post(message("+14155550153", "Hi", { destinationPhoneNumber: "+12065550999" }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({
      code: "invalid",
      fields: { destinationPhoneNumber: expect.stringMatching(new RegExp(`^\\+12065550999 is not a number of Connect instance ${instanceId}; `)) },
    });

    const neither = await post({ ...message("+14155550153", "Hi"), destinationPhoneNumber: undefined });
    expect(neither.status).toBe(400);
    expect(neither.body.error.fields).toEqual({ destinationPhoneNumber: "Give destinationPhoneNumber (the number in E.164) or phoneNumberId (its id or ARN)" });

    const both = await post(message("+14155550153", "Hi", { phoneNumberId: dual.id }));
    expect(both.body.error.fields).toEqual({ destinationPhoneNumber: "Give destinationPhoneNumber or phoneNumberId, not both" });

    // Every problem of the body at once: the number's format and the form's own rules.
    const several = await post(message("+14155550153", "", { destinationPhoneNumber: "888 555 0100", newSession: { streamingEndpointArn: "not-an-arn" } }));
    expect(several.status).toBe(400);
    expect(several.body.error.fields).toEqual({
      destinationPhoneNumber: "Give the Connect number in E.164, with + and its country code, e.g. +12065550142",
      content: "Write the customer's message",
      "newSession.streamingEndpointArn": "Use an SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:chat-stream",
    });

    const smsOnly = await post(message("+14155550153", "Hi", { destinationPhoneNumber: "+12065550142", channel: "whatsapp" }));
    expect(smsOnly.status).toBe(400);
    expect(smsOnly.body.error.fields.channel).toMatch(/^\+12065550142 .*does not serve WhatsApp/);
    expect(await tally()).toEqual(before);
  });

  it("answers 400 naming the field for content or attributes that cannot be stored (NUL, a lone surrogate), and sends and stores nothing", async () => {
    const before = await tally();
    const sentBefore = (await sim.contacts()).length;
    const nul = await post(message("+14155550154", "Hi\u0000there"));
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual({ content: UNSTORABLE_TEXT });
    const surrogate = await post(
      message("+14155550154", "Hi \uD83D", { newSession: { participantDisplayName: "Ann\uDE00", attributes: { order: "10\u000042" } } }),
    );
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error.fields).toMatchObject({
      content: UNSTORABLE_TEXT,
      "newSession.participantDisplayName": UNSTORABLE_TEXT,
      "newSession.attributes.0.value": UNSTORABLE_TEXT,
    });
    expect(await tally()).toEqual(before);
    expect((await sim.contacts()).length).toBe(sentBefore);
  });

  it("explains AccessDeniedException as the page does, with the status the error maps to, and keeps the failed event", async () => {
    await sim.setConfig({ faults: { AccessDeniedException: 1 } });
    let res: Awaited<ReturnType<typeof post>>;
    try {
      res = await post(message("+14155550154", "Hello"));
    } finally {
      await sim.setConfig({ faults: {} });
    }
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("unavailable");
    expect(res.body.error.message.startsWith(`${ACCESS_DENIED_EXPLANATION} Connect said: `)).toBe(true);
    const [row] = await state.db!.db.select().from(chatEvents).orderBy(desc(chatEvents.id)).limit(1);
    expect(row).toMatchObject({ status: "failed", errorName: "AccessDeniedException", actorEmail: "api-key:Helpdesk bridge", sourceId: "+14155550154" });

    const failed = await call(route.GET, "/api/v1/chat-events?status=failed", { key: viewerKey });
    expect(failed.body.events[0]).toMatchObject({ id: row!.id, error: res.body.error.message });
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await call(openapi.GET, "/api/v1/openapi.json")).body;
    const path = doc.paths["/api/v1/chat-events"];
    expect(path.get.parameters.map((p: { name: string }) => p.name)).toEqual(["type", "status", "contactId", "q", "cursor", "limit"]);
    const schema = path.post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        "instanceId",
        "destinationPhoneNumber",
        "phoneNumberId",
        "channel",
        "customerPhone",
        "eventType",
        "contentType",
        "content",
        "newSession",
      ]),
    );
    expect(schema.properties.eventType.enum).toEqual(["MESSAGE", "EVENT", "DISCONNECT"]);
    expect(path.post.responses["201"]).toBeDefined();
  });
});
