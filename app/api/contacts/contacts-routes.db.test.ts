// The contact routes over a real database and the local Connect simulator: the JSON list with its cursor, one contact
// with a live DescribeContact (or the reason there is none), and the audited, formula-safe CSV export.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { desc } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { testSend } from "@/lib/test-sends/actions";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { fixtures } from "@/lib/connect-local/test-harness";
import { recordContact } from "@/lib/contacts/record";
import { auditLog, campaigns, chatEvents, inboundIntegrations, inboundMessages } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: list } = await import("./route");
const { GET: detail } = await import("./[contactId]/route");
const { GET: exportCsv } = await import("../contacts.csv/route");
const v1 = await import("../v1/contacts/route");
const v1Detail = await import("../v1/contacts/[contactId]/route");

const vic: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "vic@example.com",
  name: "Vic",
  role: "viewer",
  sessionId: "test-session",
  mustChangePassword: false,
};
const sue: SessionUser = {
  id: "00000000-0000-4000-8000-000000000004",
  email: "sue@example.com",
  name: "Sue",
  role: "supervisor",
  sessionId: "test-session",
  mustChangePassword: false,
};
const CAMPAIGN = "00000000-0000-4000-8000-00000000c002";

type Handler = (req: Request, seg: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const get = (handler: Handler, url: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://console.test${url}`, { headers: { "x-request-id": "req-test", "user-agent": "vitest" } }), { params: Promise.resolve(params) });

describe("contact routes", () => {
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let gateway: ConnectGateway;
  let live: string;

  beforeAll(async () => {
    state.db = await createTestDb();
    const db = state.db.db;
    sim = await startConnectLocal({ port: 0, log: false });
    gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    await db.insert(campaigns).values({
      id: CAMPAIGN,
      name: "Spring reminders",
      channel: "sms",
      instanceId: fixtures.instance.id,
      contactFlowId: fixtures.smsFlow.id,
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      config: {},
      preflight: {},
      createdBy: randomUUID(),
      createdByEmail: "sam@example.com",
    });
    live = (
      await gateway.startOutboundChat({
        instanceId: fixtures.instance.id,
        contactFlowId: fixtures.smsFlow.id,
        sourcePhoneNumberArn: fixtures.dualNumber.arn,
        destinationPhoneNumber: "+12065550100",
        channel: "sms",
        clientToken: randomUUID(),
        attributes: { orderId: "A-7" },
      })
    ).contactId;
    await recordContact(db, {
      contactId: live,
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: "+12065550100",
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      origin: "campaign",
      campaignId: CAMPAIGN,
      recipientId: 1,
      createdBy: "system",
    });
    await db.insert(chatEvents).values({
      origin: "console",
      actorEmail: "sam@example.com",
      channel: "sms",
      sourceId: "+12065550100",
      destinationId: "arn:d",
      eventType: "MESSAGE",
      contentType: "text/plain",
      content: "Hi",
      status: "sent",
      contactId: live,
    });
    // A customer's reply not yet forwarded: on the contact's page as itself.
    const [integration] = await db
      .insert(inboundIntegrations)
      .values({
        name: "Provider",
        channel: "sms",
        instanceId: fixtures.instance.id,
        phoneNumberArn: fixtures.dualNumber.arn,
        phoneNumber: fixtures.dualNumber.phoneNumber,
        destinationArn: "arn:d",
        secretCiphertext: "x",
        secretPrefix: "x",
        createdBy: "admin@example.com",
      })
      .returning();
    await db.insert(inboundMessages).values({
      integrationId: integration!.id,
      messageId: "SM-1",
      fromPhone: "+12065550100",
      toPhone: fixtures.dualNumber.phoneNumber,
      type: "message",
      text: "Call me back",
      contactId: live,
      receivedAt: new Date(Date.now() + 60_000),
    });
    // Known to the console only: Connect has never heard of it.
    await recordContact(db, {
      contactId: "gone-contact",
      instanceId: fixtures.instance.id,
      channel: "whatsapp",
      customerPhone: "+442079460958",
      origin: "test_send",
      createdBy: '=HYPERLINK("http://x")',
    });
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("lists contacts a page at a time for viewers, and explains a bad filter", async () => {
    state.user = null;
    expect((await get(list, "/api/contacts")).status).toBe(401);

    state.user = vic;
    const first = await (await get(list, "/api/contacts?limit=1")).json();
    expect(first.contacts.map((c: { contactId: string }) => c.contactId)).toEqual(["gone-contact"]);
    expect(first.contacts[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    const second = await (await get(list, `/api/contacts?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second).toMatchObject({ contacts: [{ contactId: live, campaignName: "Spring reminders" }], nextCursor: null });

    const filtered = await (await get(list, `/api/contacts?origin=campaign&campaignId=${CAMPAIGN}&state=open`)).json();
    expect(filtered.contacts.map((c: { contactId: string }) => c.contactId)).toEqual([live]);

    const bad = await get(list, "/api/contacts?state=closed&cursor=nope");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toMatchObject({ state: "state must be one of open, ended, unknown" });
    const badCursor = await get(list, "/api/contacts?cursor=nope");
    expect(badCursor.status).toBe(400);
  });

  it("answers one contact with what Connect says now, its campaign, its events and a link into Connect", async () => {
    state.user = vic;
    const res = await get(detail, `/api/contacts/${live}`, { contactId: live });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      contact: { contactId: live, origin: "campaign", state: "open", customerPhone: "+12065550100" },
      campaign: { id: CAMPAIGN, name: "Spring reminders" },
      events: [
        { source: "inbound_message", type: "message", content: null, hiddenReason: "hidden: needs the supervisor role", by: "+12065550100", status: "queued" },
        { source: "chat_event", type: "MESSAGE", content: null, hiddenReason: "hidden: needs the supervisor role", by: "sam@example.com", status: "sent" },
      ],
      live: {
        id: live,
        channel: "CHAT",
        initiationMethod: "API",
        attributes: { orderId: "A-7" },
        segmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
        customerEndpoint: { type: "TELEPHONE_NUMBER", address: "+12065550100" },
        systemEndpoint: { address: fixtures.dualNumber.phoneNumber },
      },
      liveError: null,
      connectUrl: `${fixtures.instance.accessUrl}/contact-trace-records/details/${live}`,
    });
    expect(body.live.initiatedAt).toMatch(/Z$/);
    expect(body.contact).not.toHaveProperty("campaignName");
    expect(JSON.stringify(body)).not.toMatch(/"Hi"|Call me back/);
  });

  it("shows the customer's words on a contact to supervisors, in the console's route and the automation API alike", async () => {
    state.user = sue;
    for (const handler of [detail, v1Detail.GET]) {
      const body = await (await get(handler, `/api/contacts/${live}`, { contactId: live })).json();
      expect(body.events.map((e: { content: string | null; hiddenReason: string | null }) => [e.content, e.hiddenReason])).toEqual([
        ["Call me back", null],
        ["Hi", null],
      ]);
    }
    state.user = vic;
    const viewerV1 = await (await get(v1Detail.GET, `/api/contacts/${live}`, { contactId: live })).json();
    expect(viewerV1.events.map((e: { content: string | null }) => e.content)).toEqual([null, null]);
  });

  it("still answers with the stored contact, and a clear liveError, when Connect cannot describe it", async () => {
    state.user = vic;
    const res = await get(detail, "/api/contacts/gone-contact", { contactId: "gone-contact" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ contact: { contactId: "gone-contact", origin: "test_send", channel: "whatsapp" }, campaign: null, events: [], live: null });
    expect(body.liveError).toMatch(/^Amazon Connect answered ResourceNotFoundException: Contact gone-contact not found.*\(AWS request id [0-9a-f-]+\)$/);

    // Connect unreachable altogether: the same stored answer, and a reason that says so.
    useGatewayForProcess(createConnectGateway({ mode: "local", endpoint: "http://127.0.0.1:9", region: "us-east-1", maxAttempts: 1 }));
    try {
      const offline = await (await get(detail, `/api/contacts/${live}`, { contactId: live })).json();
      expect(offline).toMatchObject({ contact: { contactId: live }, live: null });
      expect(offline.liveError).toMatch(/^Amazon Connect could not be reached: .*ECONNREFUSED/);
    } finally {
      useGatewayForProcess(gateway);
    }
  });

  it("answers 404 for a contact the console never recorded", async () => {
    state.user = vic;
    const res = await get(detail, "/api/contacts/nope", { contactId: "nope" });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "not_found", message: "The console has no contact with this ContactId" });
  });

  it("exports the filtered history as formula-safe CSV, and audits the export", async () => {
    state.user = vic;
    const res = await get(exportCsv, "/api/contacts.csv?origin=test_send");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-\d{8}-\d{6}Z\.csv"$/);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()).split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFcontact_id,instance_id,channel,customer_phone,source_phone,source_phone_number_arn,origin,campaign_id,campaign_name,recipient_id,created_by,created_at,state,initiation_method,initiated_at,disconnected_at,disconnect_reason,last_checked_at,check_error",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^gone-contact,[^,]+,whatsapp,"'\+442079460958",,,test_send,,,,"'=HYPERLINK\(""http:\/\/x""\)",\d{4}-.+Z,open,,,,,,$/);
    expect(lines[2]).toBe("");
    const [entry] = await state.db!.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: "contact.exported", actorEmail: vic.email, diff: { filter: { origin: "test_send" }, format: "csv" } });
  });

  it("serves the same list to automation under /api/v1/contacts", async () => {
    state.user = vic;
    const body = await (await get(v1.GET, "/api/v1/contacts?channel=whatsapp")).json();
    expect(body.contacts.map((c: { contactId: string }) => c.contactId)).toEqual(["gone-contact"]);
  });

  it("answers a test send's contact with the request that started it as its oldest event", async () => {
    const sam: SessionUser = {
      id: "00000000-0000-4000-8000-000000000003",
      email: "sam@example.com",
      name: "Sam",
      role: "supervisor",
      sessionId: "test-session",
      mustChangePassword: false,
    };
    const campaign = {
      name: "Spring reminders",
      instanceId: fixtures.instance.id,
      channel: "sms" as const,
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      contactFlowId: fixtures.smsFlow.id,
      message: { kind: "text" as const, contentType: "text/plain" as const, text: "Hi {{name}}" },
    };
    const sent = await runAction(
      testSend,
      { campaign, phone: "+12065550133" },
      { user: sam, db: state.db!.db, meta: { requestId: "req-test", ip: null, userAgent: null } },
    );
    if (!sent.ok) throw new Error(sent.error.message);
    const { contactId } = sent.data as { contactId: string };
    state.user = vic;
    const body = await (await get(detail, `/api/contacts/${contactId}`, { contactId })).json();
    expect(body.events).toEqual([
      expect.objectContaining({
        source: "start",
        type: "StartOutboundChatContact",
        contentType: "text/plain",
        content: "Hi Test recipient",
        origin: "test send",
        by: "sam@example.com",
        status: "sent",
        at: expect.stringMatching(/Z$/),
      }),
    ]);
    expect(body.events[0].opening.request).toMatchObject({
      contactFlowId: fixtures.smsFlow.id,
      chatDurationMinutes: 60,
      supportedContentTypes: ["text/plain"],
    });
  });
});
