// The inbound endpoint over a real database and the local Connect simulator: signed provider requests become chat
// events in order and exactly once; anything unsigned, stale, replayed or malformed is refused and recorded.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { chatEvents, contacts, inboundMessages, inboundRejections } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createIntegration, setIntegrationEnabled } from "@/lib/inbound/actions";
import { startInboundForwarder } from "@/lib/inbound/forwarder";
import { SMS_NUMBER, SMS_NUMBER_EUM_ARN, TEST_AUTH_SECRET, eventsFrom, message, signed, simEvents, type SignOptions } from "@/lib/inbound/inbound-test-kit";
import { createTestDb } from "@/lib/testing/test-db";
import { UNSTORABLE_TEXT } from "@/lib/text/safe-text";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db, getRuntime: async () => ({ authSecret: TEST_AUTH_SECRET }) }));

const { POST } = await import("./route");

const meta = { requestId: "req-test", ip: "127.0.0.1", userAgent: "vitest" };

describe("POST /api/inbound/{integrationId}", () => {
  let sim: Sim;
  let admin: SessionUser;
  let integrationId: string;
  let secret: string;

  const post = (body: unknown, o: SignOptions & { id?: string; secret?: string; headers?: Record<string, string> } = {}) => {
    const req = signed(o.secret ?? secret, body, o);
    for (const [k, v] of Object.entries(o.headers ?? {})) req.headers.set(k, v);
    req.headers.set("x-console-client-ip", "203.0.113.7");
    const id = o.id ?? integrationId;
    return POST(new Request(`http://console.test/api/inbound/${id}`, { method: "POST", headers: req.headers, body: req.body }), {
      params: Promise.resolve({ integrationId: id }),
    });
  };
  const rejections = () => state.db!.db.select().from(inboundRejections).orderBy(inboundRejections.id);
  const stored = (messageId: string) => state.db!.db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId));

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startSim({ rate: 10_000, burst: 10_000 });
    useGatewayForProcess(sim.gateway);
    const u = await insertUser(state.db.db, { email: "admin@example.com", name: "Ada", role: "admin", passwordHash: null });
    admin = { id: u.id, email: u.email, name: u.name, role: "admin", sessionId: "test-session", mustChangePassword: false };
    const instance = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await sim.gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === SMS_NUMBER)!;
    const created = await runAction(
      createIntegration,
      { name: "Twilio US", channel: "sms", instanceId: instance.id, phoneNumberArn: number.arn },
      { user: admin, db: state.db.db, meta },
    );
    if (!created.ok) throw new Error(created.error.message);
    integrationId = created.data.integration.id;
    secret = created.data.secret;
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("starts a chat for a stranger and records the contact and the event", async () => {
    const body = message("+12065550100", "Hello, is anyone there?");
    const res = await post(body);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer).toEqual({ status: "forwarded", messageId: body.messageId, contactId: expect.any(String), newChatCreated: true });

    const [event] = await eventsFrom(sim, "+12065550100");
    expect(event).toMatchObject({
      contactId: answer.contactId,
      outcome: "created-chat",
      request: {
        DestinationId: SMS_NUMBER_EUM_ARN,
        Subtype: "connect:SMS",
        Event: { Type: "MESSAGE", ContentType: "text/plain", Content: "Hello, is anyone there?" },
      },
    });
    const [contact] = await state.db!.db.select().from(contacts).where(eq(contacts.contactId, answer.contactId));
    expect(contact).toMatchObject({
      origin: "inbound",
      createdBy: "inbound:Twilio US",
      customerPhone: "+12065550100",
      sourcePhone: SMS_NUMBER,
      channel: "sms",
      state: "open",
    });
    const [row] = await state.db!.db.select().from(chatEvents).where(eq(chatEvents.contactId, answer.contactId));
    expect(row).toMatchObject({
      origin: "inbound",
      actorEmail: "inbound:Twilio US",
      integrationId,
      eventType: "MESSAGE",
      status: "sent",
      newChatCreated: true,
      destinationId: SMS_NUMBER_EUM_ARN,
    });
    const [msg] = await stored(body.messageId);
    expect(msg).toMatchObject({
      status: "forwarded",
      attempts: 1,
      contactId: answer.contactId,
      newChatCreated: true,
      fromPhone: "+12065550100",
      providerTimestamp: new Date(body.timestamp * 1000),
    });
    expect(row!.inboundMessageId).toBe(msg!.id);
  });

  it("joins the chat an outbound StartOutboundChatContact opened from the same number, then passes receipts and a disconnect", async () => {
    const instance = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await sim.gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === SMS_NUMBER)!;
    const flow = (await sim.gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!;
    const outbound = await sim.gateway.startOutboundChat({
      instanceId: instance.id,
      contactFlowId: flow.id,
      sourcePhoneNumberArn: number.arn,
      destinationPhoneNumber: "+12065550101",
      channel: "sms",
      clientToken: "join-test",
    });

    const reply = await (await post(message("+12065550101", "Yes, Tuesday works"))).json();
    expect(reply).toMatchObject({ status: "forwarded", contactId: outbound.contactId, newChatCreated: false });

    const read = await (await post(message("+12065550101", "", { type: "read", text: undefined, refMessageId: "agent-msg-7" }))).json();
    expect(read).toMatchObject({ status: "forwarded", contactId: outbound.contactId, newChatCreated: false });
    const bye = await (await post(message("+12065550101", "", { type: "disconnect", text: undefined }))).json();
    expect(bye).toMatchObject({ status: "forwarded", contactId: outbound.contactId });

    const events = await eventsFrom(sim, "+12065550101");
    expect(events.map((e) => [e.outcome, e.request.Event.Type, e.request.Event.ContentType ?? null, e.request.Event.Content ?? null])).toEqual([
      ["joined-chat", "MESSAGE", "text/plain", "Yes, Tuesday works"],
      ["joined-chat", "EVENT", "application/vnd.amazonaws.connect.event.message.read", '{"messageId":"agent-msg-7"}'],
      ["ended-chat", "DISCONNECT", null, null],
    ]);
    const simContact = (await sim.contacts()).find((c) => c.contactId === outbound.contactId) as unknown as { status: string };
    expect(simContact.status).toBe("ended");
  });

  it("refuses a bad signature with 401, records why and from where, and forwards nothing", async () => {
    const before = (await simEvents(sim)).length;
    const body = message("+12065550102", "forged");
    const res = await post(body, { secret: "ocin_not-the-secret" });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: "unauthenticated" });
    const missing = await post(body, { signature: "" });
    expect(missing.status).toBe(401);
    expect(await stored(body.messageId)).toEqual([]);
    expect((await simEvents(sim)).length).toBe(before);
    const [bad, none] = (await rejections()).slice(-2);
    expect(bad).toMatchObject({ integrationId, reason: "signature does not match", ip: "203.0.113.7", bodyExcerpt: JSON.stringify(body) });
    expect(none).toMatchObject({ reason: "missing signature or timestamp header" });
  });

  it("refuses a correctly signed request whose timestamp is six minutes old", async () => {
    const body = message("+12065550102", "replayed later");
    const res = await post(body, { timestamp: Math.floor(Date.now() / 1000) - 360 });
    expect(res.status).toBe(401);
    expect(await stored(body.messageId)).toEqual([]);
    expect((await rejections()).at(-1)!.reason).toMatch(/^timestamp is 36\d s away from the server's clock \(limit 300 s\)$/);
  });

  it("answers a replayed messageId as a duplicate and forwards it once", async () => {
    const body = message("+12065550103", "only once please");
    const first = await (await post(body)).json();
    expect(first.status).toBe("forwarded");
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      status: "duplicate",
      messageId: body.messageId,
      originalStatus: "forwarded",
      contactId: first.contactId,
      newChatCreated: true,
    });
    const events = await eventsFrom(sim, "+12065550103");
    expect(events.filter((e) => e.request.Event.Content === "only once please")).toHaveLength(1);
    expect(await stored(body.messageId)).toHaveLength(1);
  });

  it("refuses a message for another number, or malformed, with 400 and the field", async () => {
    const wrongTo = await post(message("+12065550104", "hi", { to: "+18885550100" }));
    expect(wrongTo.status).toBe(400);
    expect((await wrongTo.json()).error).toEqual({
      code: "invalid",
      message: "Some fields need attention",
      fields: { to: `This integration receives messages for ${SMS_NUMBER}, not +18885550100` },
    });
    expect((await rejections()).at(-1)!.reason).toBe(`invalid body: to: This integration receives messages for ${SMS_NUMBER}, not +18885550100`);

    const noText = await post(message("+12065550104", ""));
    expect((await noText.json()).error.fields).toEqual({ text: "A message needs its text" });
    const notJson = await post("messageId=1&text=hi");
    expect(notJson.status).toBe(400);
    expect((await rejections()).at(-1)!.reason).toBe("body is not JSON");
    expect(await eventsFrom(sim, "+12065550104")).toEqual([]);
  });

  it("refuses signed text that cannot be stored (NUL, a lone surrogate) with 400 naming the field, and keeps the rejection", async () => {
    for (const [bad, field, extra] of [
      ["nul \u0000 inside", "text", {}],
      ["half a pair \uD83D", "text", {}],
      ["fine", "messageId", { messageId: "SM\u0000x" }],
    ] as const) {
      const body = message("+12065550106", bad, extra);
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const res = await post(body);
      const lines = warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      warn.mockRestore();
      expect(res.status).toBe(400);
      expect((await res.json()).error).toEqual({ code: "invalid", message: "Some fields need attention", fields: { [field]: UNSTORABLE_TEXT } });
      expect(await state.db!.db.select().from(inboundMessages).where(eq(inboundMessages.fromPhone, "+12065550106"))).toEqual([]);
      const last = (await rejections()).at(-1)!;
      expect(last).toMatchObject({ integrationId, reason: `invalid body: ${field}: ${UNSTORABLE_TEXT}` });
      expect(last.bodyExcerpt).toContain('"from":"+12065550106"');
      // The log line names the refusal, never the customer's number or words.
      expect(lines).toEqual([expect.objectContaining({ event: "inbound_refused", kind: "invalid_payload", integrationId, status: 400 })]);
      expect(JSON.stringify(lines)).not.toContain("12065550106");
    }
    // A literal NUL byte is not JSON; the excerpt keeps it as U+FFFD, which the database can store.
    const raw = `{"messageId":"SMnul","from":"+12065550106","to":"${SMS_NUMBER}","text":"a\u0000b","timestamp":1}`.replace("\\u0000", "\u0000");
    const res = await post(raw);
    expect(res.status).toBe(400);
    expect((await rejections()).at(-1)).toMatchObject({ reason: "body is not JSON", bodyExcerpt: expect.stringContaining("a\uFFFDb") });
    expect(await eventsFrom(sim, "+12065550106")).toEqual([]);
  });

  it("refuses a signed body that is not UTF-8 with 400 instead of storing U+FFFD, and keeps the rejection", async () => {
    const json = JSON.stringify(message("+12065550107", "caf_"));
    const bytes = new TextEncoder().encode(json);
    bytes[json.indexOf("caf_") + 3] = 0xe9; // "café" in Latin-1
    const res = await post(bytes);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid", message: expect.stringContaining("not UTF-8") });
    expect((await rejections()).at(-1)).toMatchObject({ integrationId, reason: "body is not UTF-8 text", bodyExcerpt: expect.stringContaining("caf\uFFFD") });
    expect(await state.db!.db.select().from(inboundMessages).where(eq(inboundMessages.fromPhone, "+12065550107"))).toEqual([]);
  });

  it("answers unknown and disabled integrations alike with 404, and a huge body with 413", async () => {
    const unknown = await post(message("+12065550105", "hi"), { id: "00000000-0000-4000-8000-000000000000" });
    const notUuid = await post(message("+12065550105", "hi"), { id: "../../etc" });
    expect([unknown.status, notUuid.status]).toEqual([404, 404]);
    const unknownBody = await unknown.json();

    const huge = await post(message("+12065550105", "x".repeat(200_000)));
    expect(huge.status).toBe(413);
    expect((await rejections()).at(-1)).toMatchObject({ reason: "body larger than 128 KiB", bodyExcerpt: null });

    const off = await runAction(setIntegrationEnabled, { integrationId, enabled: false }, { user: admin, db: state.db!.db, meta });
    expect(off.ok).toBe(true);
    const disabled = await post(message("+12065550105", "hi"));
    expect(disabled.status).toBe(404);
    expect(await disabled.json()).toEqual(unknownBody);
    expect((await rejections()).at(-1)!.reason).toBe("integration is disabled");
    await runAction(setIntegrationEnabled, { integrationId, enabled: true }, { user: admin, db: state.db!.db, meta });
    expect(await eventsFrom(sim, "+12065550105")).toEqual([]);
  });

  it("loses nothing and keeps the order while Connect throttles", async () => {
    const customer = "+12065550106";
    await sim.setConfig({ faults: { ThrottlingException: 1 } });
    const bodies = ["one", "two", "three"].map((t) => message(customer, t));
    const answers = [];
    for (const b of bodies) answers.push(await (await post(b)).json());
    expect(answers[0]).toMatchObject({ status: "queued", reason: "Amazon Connect answered ThrottlingException; it will be retried" });
    expect(answers.slice(1).map((a) => a.reason)).toEqual([
      "waiting for an earlier message from this customer to be forwarded",
      "waiting for an earlier message from this customer to be forwarded",
    ]);

    const forwarder = startInboundForwarder({
      db: state.db!.db,
      gateway: sim.gateway,
      pollMs: 20,
      retry: { retryBaseMs: 50, retryMaxMs: 200, systemicBaseMs: 50, systemicMaxMs: 200 },
      log: () => {},
    });
    try {
      await waitFor("the head to be retried while throttled", async () => ((await stored(bodies[0]!.messageId))[0]!.attempts >= 3 ? true : undefined), 10_000);
      expect((await stored(bodies[0]!.messageId))[0]).toMatchObject({ status: "queued", lastErrorName: "ThrottlingException" });
      await sim.setConfig({ faults: {} });
      await waitFor("all three to be forwarded", async () => {
        const rows = await Promise.all(bodies.map(async (b) => (await stored(b.messageId))[0]!.status));
        return rows.every((s) => s === "forwarded") ? true : undefined;
      });
    } finally {
      await forwarder.stop();
      await sim.setConfig({ faults: {} });
    }
    const events = await eventsFrom(sim, customer);
    expect(events.map((e) => e.request.Event.Content)).toEqual(["one", "two", "three"]);
    const contactIds = new Set(events.map((e) => e.contactId));
    expect(contactIds.size).toBe(1);
    const duplicate = await (await post(bodies[1]!)).json();
    expect(duplicate).toMatchObject({ status: "duplicate", originalStatus: "forwarded", contactId: events[0]!.contactId });
  });
});
