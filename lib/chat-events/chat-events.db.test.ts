// chatEvents.send against the local Connect: inbound messages join or start chats, DISCONNECT ends them, keywords change
// the suppression list, and Connect's refusals are stored and explained.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import type { ConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import type { PhoneNumber } from "@/lib/connect/types";
import { auditLog, campaignRecipients, chatEvents, contacts, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startDispatcher } from "@/lib/dispatch/dispatcher";
import { campaignRow, launchTestCampaign, ledger, phoneAt, startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { sendChatEvent, type SendChatEventResult } from "./actions";
import type { SendChatEventInput } from "./schemas";

const meta = { requestId: "req-events", ip: "127.0.0.1", userAgent: "vitest" };

describe("sending chat events by hand", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let sup: SessionUser;
  let viewer: SessionUser;
  let instanceId: string;
  let smsOnly: PhoneNumber;
  let dual: PhoneNumber;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim();
    useGatewayForProcess(sim.gateway);
    const s = await insertUser(h.db, { email: "sup@example.com", name: "Sup", role: "supervisor", passwordHash: null });
    const v = await insertUser(h.db, { email: "viewer@example.com", name: "Vi", role: "viewer", passwordHash: null });
    sup = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
    viewer = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "test-session", mustChangePassword: false };
    instanceId = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!.id;
    const numbers = await sim.gateway.listPhoneNumbers(instanceId);
    smsOnly = numbers.find((n) => n.phoneNumber === "+12065550142")!;
    dual = numbers.find((n) => n.phoneNumber === "+18885550100")!;
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  const send = (input: SendChatEventInput, user: SessionUser | null = sup) => runAction(sendChatEvent, input, { user, db: h.db, meta });
  const message = (customerPhone: string, number: PhoneNumber, text: string, extra: Partial<SendChatEventInput> = {}): SendChatEventInput => ({
    instanceId,
    phoneNumberId: number.id,
    channel: "sms",
    customerPhone,
    eventType: "MESSAGE",
    contentType: "text/plain",
    content: text,
    ...extra,
  });
  const disconnect = (customerPhone: string, number: PhoneNumber): SendChatEventInput => ({
    ...message(customerPhone, number, ""),
    eventType: "DISCONNECT",
    contentType: "",
  });
  async function sent(input: SendChatEventInput): Promise<SendChatEventResult> {
    const res = await send(input);
    if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.error)}`);
    return res.data;
  }
  const eventRow = async (id: number) => (await h.db.select().from(chatEvents).where(eq(chatEvents.id, id)))[0]!;
  const lastAudit = async (action: string) => (await h.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
  const tally = async () => ({
    events: (await h.db.select({ n: count() }).from(chatEvents))[0]!.n,
    audit: (await h.db.select({ n: count() }).from(auditLog))[0]!.n,
    contacts: (await h.db.select({ n: count() }).from(contacts))[0]!.n,
  });

  it("joins the chat a campaign started when that customer answers on the same number, and links the reply", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 1, first: 3000 });
    useGatewayForProcess(sim.gateway);
    const dispatcher = startDispatcher({ db: h.db, gateway: sim.gateway, workerId: "events-test", log: () => {}, options: { accountSendsPerSecond: 100 } });
    try {
      await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed");
    } finally {
      await dispatcher.stop();
    }
    const [recipient] = (await ledger(h.db, campaignId)).filter((r) => r.sendStatus === "sent");
    expect(recipient?.phone).toBe(phoneAt(3000));

    const reply = await sent(message(phoneAt(3000), smsOnly, "Thanks, see you then"));
    expect(reply).toMatchObject({
      newChatCreated: false,
      contactId: recipient!.contactId,
      reply: { campaignId, recipientId: recipient!.id },
      optOut: null,
      suppressionChanged: false,
    });
    const [answered] = await h.db.select().from(campaignRecipients).where(eq(campaignRecipients.id, recipient!.id));
    expect(answered!.replyCount).toBe(1);
    expect(answered!.repliedAt).toBeInstanceOf(Date);

    expect(await eventRow(reply.eventId)).toMatchObject({
      origin: "console",
      actorEmail: sup.email,
      instanceId,
      channel: "sms",
      sourceId: phoneAt(3000),
      destinationId: smsOnly.sourcePhoneNumberArn,
      destinationPhone: "+12065550142",
      destinationPhoneNumberArn: smsOnly.arn,
      eventType: "MESSAGE",
      contentType: "text/plain",
      content: "Thanks, see you then",
      status: "sent",
      contactId: recipient!.contactId,
      newChatCreated: false,
      errorName: null,
    });
    expect(await lastAudit("chat_event.sent")).toMatchObject({
      actorEmail: sup.email,
      targetType: "chat_event",
      targetId: String(reply.eventId),
      requestId: "req-events",
      diff: { eventType: "MESSAGE", customerPhone: phoneAt(3000), contactId: recipient!.contactId, newChatCreated: false, replyTo: { campaignId } },
    });
  });

  it("starts a chat for a stranger's first message, records the contact, joins it after, and DISCONNECT ends it", async () => {
    const stranger = "+1 (415) 555-0199";
    const first = await sent(
      message(stranger, dual, "Hi, is anyone there?", {
        newSession: {
          participantDisplayName: "Ada",
          attributes: [{ key: "source", value: "events-page" }],
          supportedMessagingContentTypes: ["text/plain"],
          streamingEndpointArn: "",
        },
      }),
    );
    expect(first.newChatCreated).toBe(true);
    const contactId = first.contactId!;
    expect(contactId).toBeTruthy();
    const [contact] = await h.db.select().from(contacts).where(eq(contacts.contactId, contactId));
    expect(contact).toMatchObject({
      origin: "chat_event",
      createdBy: sup.email,
      instanceId,
      channel: "sms",
      customerPhone: "+14155550199",
      sourcePhone: "+18885550100",
      sourcePhoneNumberArn: dual.arn,
    });
    const described = await sim.gateway.describeContact(instanceId, contactId);
    expect(described).toMatchObject({ customerAddress: "+14155550199", attributes: { source: "events-page" } });
    expect(described.disconnectedAt).toBeUndefined();
    expect((await eventRow(first.eventId)).newSession).toEqual({
      participantDisplayName: "Ada",
      attributes: { source: "events-page" },
      supportedMessagingContentTypes: ["text/plain"],
    });

    const again = await sent(message(stranger, dual, "Hello?"));
    expect(again).toMatchObject({ newChatCreated: false, contactId, reply: null });
    const typing = await sent({ ...message(stranger, dual, ""), eventType: "EVENT", contentType: "application/vnd.amazonaws.connect.event.typing" });
    expect(typing).toMatchObject({ newChatCreated: false, contactId });
    expect(await h.db.select().from(contacts).where(eq(contacts.customerPhone, "+14155550199"))).toHaveLength(1);

    const ended = await sent(disconnect(stranger, dual));
    expect(ended).toMatchObject({ newChatCreated: false, contactId });
    expect((await sim.gateway.describeContact(instanceId, contactId)).disconnectedAt).toBeInstanceOf(Date);
    expect(await eventRow(ended.eventId)).toMatchObject({ eventType: "DISCONNECT", contentType: null, content: null, status: "sent", contactId });

    // Nothing left to end; the next message opens a new chat.
    expect(await sent(disconnect(stranger, dual))).toMatchObject({ contactId: null, newChatCreated: false });
    const next = await sent(message(stranger, dual, "Me again"));
    expect(next.newChatCreated).toBe(true);
    expect(next.contactId).not.toBe(contactId);
  });

  it("puts the customer on the suppression list for STOP and takes them off for START, each audited", async () => {
    const customer = "+14155550123";
    const stop = await sent(message(customer, dual, " stop! "));
    expect(stop).toMatchObject({ optOut: "stop", suppressionChanged: true });
    const [row] = await h.db.select().from(suppressions).where(eq(suppressions.phone, customer));
    expect(row).toMatchObject({ source: "opt-out", reason: "Replied STOP via events page", createdBy: sup.email });
    expect(await lastAudit("suppression.opted_out")).toMatchObject({
      actorEmail: sup.email,
      targetId: customer,
      requestId: "req-events",
      diff: { via: "events page" },
    });

    const start = await sent(message(customer, dual, "START"));
    expect(start).toMatchObject({ optOut: "start", suppressionChanged: true });
    expect(await h.db.select().from(suppressions).where(eq(suppressions.phone, customer))).toEqual([]);
    expect(await lastAudit("suppression.opted_in")).toMatchObject({
      actorEmail: sup.email,
      targetId: customer,
      diff: { keyword: "START", removed: { source: "opt-out" } },
    });
  });

  it("stores and explains AccessDeniedException: AWS keeps SendChatIntegrationEvent to End User Messaging", async () => {
    const before = await tally();
    await sim.setConfig({ faults: { AccessDeniedException: 1 } });
    try {
      const res = await send(message("+14155550177", dual, "STOP"));
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe("unavailable");
      expect(res.error.message).toMatch(
        /^Amazon Connect refused the event \(AccessDeniedException\)\. AWS restricts SendChatIntegrationEvent to AWS End User Messaging integrations/,
      );
      expect(res.error.message).toContain("connect:SendChatIntegrationEvent");
      expect(res.error.message).toContain("End User Messaging phone-number ARN");
      expect(res.error.message).toMatch(/\(AWS request id [0-9a-f-]{36}\)$/);
    } finally {
      await sim.setConfig({ faults: {} });
    }
    const [row] = await h.db.select().from(chatEvents).orderBy(desc(chatEvents.id)).limit(1);
    expect(row).toMatchObject({ status: "failed", errorName: "AccessDeniedException", contactId: null, newChatCreated: null, sourceId: "+14155550177" });
    expect(row!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await lastAudit("chat_event.failed")).toMatchObject({ targetId: String(row!.id), diff: { error: "AccessDeniedException", contactId: null } });
    // Connect never took the message, so its STOP changed nothing.
    expect(await h.db.select().from(suppressions).where(eq(suppressions.phone, "+14155550177"))).toEqual([]);
    expect(await tally()).toEqual({ events: before.events + 1, audit: before.audit + 1, contacts: before.contacts });
  });

  it("gives other Connect errors with their name and request id", async () => {
    await sim.setConfig({ faults: { InternalServiceException: 1 } });
    try {
      const res = await send(message("+14155550178", dual, "Hello"));
      expect(res).toMatchObject({
        ok: false,
        error: {
          code: "unavailable",
          message: expect.stringMatching(/^Amazon Connect answered InternalServiceException: .+ \(AWS request id [0-9a-f-]{36}\)$/),
        },
      });
    } finally {
      await sim.setConfig({ faults: {} });
    }
    const failed = await h.db
      .select()
      .from(chatEvents)
      .where(and(eq(chatEvents.sourceId, "+14155550178"), eq(chatEvents.status, "failed")));
    expect(failed.map((r) => r.errorName)).toEqual(["InternalServiceException"]);
  });

  it("refuses, before asking Connect, a number outside the instance, one without an End User Messaging ARN, or a channel it does not serve", async () => {
    const before = await tally();
    const unknown = await send(message("+14155550180", { ...dual, id: "not-a-number-of-this-instance" }, "Hi"));
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { phoneNumberId: "This number is not claimed by the chosen Connect instance; choose one of its numbers" } },
    });

    const whatsappOnSms = await send({ ...message("+14155550180", smsOnly, "Hi"), channel: "whatsapp" });
    expect(whatsappOnSms).toMatchObject({
      ok: false,
      error: {
        code: "invalid",
        fields: { channel: '+12065550142 (described as "US 10DLC long code, SMS only") does not serve WhatsApp; choose the other channel or another number' },
      },
    });

    // Connect leaves SourcePhoneNumberArn out for numbers that are not End User Messaging numbers.
    const withoutArn: ConnectGateway = {
      ...sim.gateway,
      listPhoneNumbers: async (id) => (await sim.gateway.listPhoneNumbers(id)).map((n) => ({ ...n, sourcePhoneNumberArn: undefined })),
    };
    useGatewayForProcess(withoutArn);
    try {
      const res = await send(message("+14155550180", dual, "Hi"));
      expect(res).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { phoneNumberId: expect.stringMatching(/^\+18885550100 has no AWS End User Messaging phone-number ARN/) } },
      });
    } finally {
      useGatewayForProcess(sim.gateway);
    }
    expect(await tally()).toEqual(before);
  });

  it("returns the schema's field errors for content that does not fit the event type", async () => {
    const before = await tally();
    expect(await send({ ...message("+14155550181", dual, "**hi**"), contentType: "text/markdown" })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { contentType: "SMS and WhatsApp chats take text/plain messages only, not text/markdown" } },
    });
    expect(await send({ ...disconnect("+14155550181", dual), content: "bye" })).toMatchObject({
      ok: false,
      error: { fields: { content: "A DISCONNECT event has no content: leave it empty" } },
    });
    expect(
      await send({ ...message("+14155550181", dual, ""), eventType: "EVENT", contentType: "application/vnd.amazonaws.connect.event.message.read" }),
    ).toMatchObject({
      ok: false,
      error: { fields: { content: expect.stringMatching(/^A receipt names the message it acknowledges/) } },
    });
    expect(await send(message("415 555 0181", dual, "hi"))).toMatchObject({
      ok: false,
      error: { fields: { customerPhone: expect.stringMatching(/no country code/) } },
    });
    expect(await tally()).toEqual(before);
  });

  it("refuses viewers and the signed-out, and changes nothing", async () => {
    const before = await tally();
    expect(await send(message("+14155550182", dual, "Hi"), viewer)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await send(message("+14155550182", dual, "Hi"), null)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await tally()).toEqual(before);
  });
});
