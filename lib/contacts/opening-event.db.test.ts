// A contact the console created starts its events with the StartOutboundChatContact that created it: rebuilt from
// the ledger for campaign sends (checked against what the local Connect received), kept in the audit log for test
// sends. Contacts the console only joined are left as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { launchCampaign, saveDraft } from "@/lib/campaigns/actions";
import { testSend } from "@/lib/test-sends/actions";
import type { CampaignInput } from "@/lib/campaigns/schemas";
// Renamed: it is not a React hook, whatever its name says to the linter.
import { useGatewayForProcess as pointProcessAt } from "@/lib/connect/runtime-gateway";
import { catalog, fixtures } from "@/lib/connect-local/test-harness";
import { auditLog, chatEvents } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startDispatcher, type Dispatcher } from "@/lib/dispatch/dispatcher";
import { campaignRow, ledger, startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { accountLimiterKey } from "@/lib/dispatch/options";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { OPENING_EVENT_TYPE } from "./opening-event";
import { contactEvents } from "./queries";
import { recordContact } from "./record";

const meta = { requestId: "opening-test", ip: null, userAgent: null };
const whatsappFlow = () => catalog.flows(fixtures.instance.id).find((f) => f.name === "Outbound WhatsApp notifications")!;

interface SimRequest {
  InitialSystemMessage?: { ContentType: string; Content: string };
  InitialTemplatedSystemMessage?: { MessageTemplateId: string; TemplateAttributes?: { CustomAttributes?: Record<string, string> } };
  ParticipantDetails?: { DisplayName: string };
  Attributes?: Record<string, string>;
  ChatDurationInMinutes?: number;
}

describe("the request that started a contact, as its oldest event", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let dispatcher: Dispatcher;
  let supervisor: SessionUser;

  const as = () => ({ user: supervisor, db: h.db, meta });
  const simRequest = async (contactId: string) => (await sim.contacts()).find((c) => c.contactId === contactId) as unknown as { request: SimRequest };

  async function launch(campaign: CampaignInput, recipients: number): Promise<string> {
    const saved = await runAction(saveDraft, { campaign }, as());
    if (!saved.ok) throw new Error(saved.error.message);
    const { campaignId } = saved.data as { campaignId: string };
    const launched = await runAction(launchCampaign, { campaignId, confirmRecipients: recipients }, as());
    if (!launched.ok) throw new Error(launched.error.message);
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed");
    return campaignId;
  }

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000 });
    pointProcessAt(sim.gateway);
    const u = await insertUser(h.db, { email: "sam@example.com", name: "Sam", role: "supervisor", passwordHash: null });
    supervisor = { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
    dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "opening",
      log: () => {},
      options: { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: 100 },
    });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    pointProcessAt(undefined);
    await sim?.close();
    await h?.close();
  });

  it("shows each campaign recipient the message rendered for them, exactly as Connect received it", async () => {
    const id = await launch(
      {
        name: "Spring reminders",
        instanceId: fixtures.instance.id,
        channel: "sms",
        sourcePhoneNumberArn: fixtures.smsOnlyNumber.arn,
        contactFlowId: fixtures.smsFlow.id,
        recipients: {
          format: "csv",
          text: "phone,name,city\n+12065550100,Ada,Seattle\n+12065550101,Bob,Tacoma",
          mapping: { phoneColumn: "phone", nameColumn: "name", variableColumns: { city: "city" } },
        },
        message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}, see you in {{city}}" },
        participantDisplayName: { mode: "column", column: "name" },
        attributes: { team: "spring" },
        chatDurationMinutes: 90,
        sendsPerSecond: 100,
      },
      2,
    );
    const rows = (await ledger(h.db, id)).sort((a, b) => a.line - b.line);
    expect(rows.map((r) => r.sendStatus)).toEqual(["sent", "sent"]);
    for (const [row, name, city] of [
      [rows[0]!, "Ada", "Seattle"],
      [rows[1]!, "Bob", "Tacoma"],
    ] as const) {
      const events = await contactEvents(h.db, row.contactId!);
      expect(events).toHaveLength(1);
      const start = events[0]!;
      expect(start).toMatchObject({
        source: "start",
        id: row.id,
        type: OPENING_EVENT_TYPE,
        contentType: "text/plain",
        content: `Hi ${name}, see you in ${city}`,
        origin: "campaign",
        by: "campaign Spring reminders",
        status: "sent",
        at: row.sentAt,
        opening: {
          attempts: 1,
          request: {
            participantDisplayName: name,
            chatDurationMinutes: 90,
            attributes: { team: "spring" },
            supportedContentTypes: ["text/plain"],
            contactFlowId: fixtures.smsFlow.id,
          },
        },
      });
      const received = (await simRequest(row.contactId!)).request;
      expect(start.content).toBe(received.InitialSystemMessage!.Content);
      expect(start.contentType).toBe(received.InitialSystemMessage!.ContentType);
      expect(start.opening!.request!.participantDisplayName).toBe(received.ParticipantDetails!.DisplayName);
      expect(start.opening!.request!.attributes).toEqual(received.Attributes);
      expect(start.opening!.request!.chatDurationMinutes).toBe(received.ChatDurationInMinutes);
    }

    // Events sent later come first; the start stays last even when a clock puts an event before it.
    const contactId = rows[0]!.contactId!;
    const event = {
      channel: "sms" as const,
      sourceId: rows[0]!.phone!,
      destinationId: "arn:d",
      contactId,
      origin: "console",
      actorEmail: "sam@example.com",
      eventType: "MESSAGE",
      contentType: "text/plain",
      status: "sent",
    };
    await h.db.insert(chatEvents).values([
      { ...event, content: "Reminder: tomorrow", createdAt: new Date(rows[0]!.sentAt!.getTime() + 60_000) },
      { ...event, content: "Skewed", createdAt: new Date(rows[0]!.sentAt!.getTime() - 60_000) },
    ]);
    const events = await contactEvents(h.db, contactId);
    expect(events.map((e) => [e.source, e.content])).toEqual([
      ["chat_event", "Reminder: tomorrow"],
      ["chat_event", "Skewed"],
      ["start", "Hi Ada, see you in Seattle"],
    ]);
    expect((await contactEvents(h.db, contactId, 2)).map((e) => e.source)).toEqual(["chat_event", "start"]);
  });

  it("shows a WhatsApp campaign's template with the values this recipient was sent", async () => {
    const template = fixtures.templatesKb;
    const orderShipped = fixtures.whatsappTemplate;
    const id = await launch(
      {
        name: "Shipping updates",
        instanceId: fixtures.instance.id,
        channel: "whatsapp",
        sourcePhoneNumberArn: fixtures.dualNumber.arn,
        contactFlowId: whatsappFlow().id,
        recipients: { format: "csv", text: "phone,name,order\n+12065550110,Ada,A-1", mapping: { phoneColumn: "phone", nameColumn: "name" } },
        message: {
          kind: "template",
          knowledgeBaseId: template.id,
          messageTemplateId: orderShipped.id,
          templateName: orderShipped.name,
          variables: { customerName: { column: "name" }, orderId: { column: "order" }, trackingUrl: { value: "https://track.example/A-1" } },
        },
        sendsPerSecond: 100,
      },
      1,
    );
    const [row] = await ledger(h.db, id);
    const [start] = await contactEvents(h.db, row!.contactId!);
    expect(start).toMatchObject({
      source: "start",
      contentType: orderShipped.name,
      content: `Template ${orderShipped.name} with {{customerName}}=Ada, {{orderId}}=A-1, {{trackingUrl}}=https://track.example/A-1`,
      by: "campaign Shipping updates",
      opening: {
        request: {
          message: {
            kind: "template",
            messageTemplateId: orderShipped.id,
            variables: { customerName: "Ada", orderId: "A-1", trackingUrl: "https://track.example/A-1" },
          },
        },
      },
    });
    const received = (await simRequest(row!.contactId!)).request.InitialTemplatedSystemMessage!;
    expect(received.MessageTemplateId).toBe(orderShipped.id);
    expect(received.TemplateAttributes!.CustomAttributes).toEqual({ customerName: "Ada", orderId: "A-1", trackingUrl: "https://track.example/A-1" });
  });

  it("shows a test send's message, kept in its audit entry on the contact", async () => {
    const campaign = {
      name: "Spring reminders",
      instanceId: fixtures.instance.id,
      channel: "sms" as const,
      sourcePhoneNumberArn: fixtures.smsOnlyNumber.arn,
      contactFlowId: fixtures.smsFlow.id,
      message: { kind: "text" as const, contentType: "text/markdown" as const, text: "Hi {{name}}, see you in {{city}}" },
      participantDisplayName: { mode: "fixed" as const, value: "Acme" },
    };
    const sent = await runAction(testSend, { campaign, phone: "+12065550177" }, as());
    if (!sent.ok) throw new Error(sent.error.message);
    const { contactId } = sent.data as { contactId: string };

    const events = await contactEvents(h.db, contactId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: "start",
      type: OPENING_EVENT_TYPE,
      contentType: "text/markdown",
      content: "Hi Test recipient, see you in [city]",
      origin: "test send",
      by: "sam@example.com",
      status: "sent",
      opening: { attempts: null, request: { participantDisplayName: "Acme", chatDurationMinutes: 60 } },
    });
    expect(events[0]!.content).toBe((await simRequest(contactId)).request.InitialSystemMessage!.Content);
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "campaign.test_sent"), eq(auditLog.targetId, contactId)));
    expect(entry).toMatchObject({ targetType: "contact", actorEmail: "sam@example.com", diff: { contactId, phone: "+12065550177" } });
    expect(events[0]!.at).toEqual(entry!.at);

    const wa = await runAction(
      testSend,
      {
        campaign: {
          ...campaign,
          channel: "whatsapp",
          sourcePhoneNumberArn: fixtures.dualNumber.arn,
          contactFlowId: whatsappFlow().id,
          message: {
            kind: "template",
            knowledgeBaseId: fixtures.templatesKb.id,
            messageTemplateId: fixtures.whatsappTemplate.id,
            templateName: "",
            variables: { customerName: { column: "name" }, orderId: { value: "T-1" } },
          },
        },
        phone: "+12065550178",
      },
      as(),
    );
    if (!wa.ok) throw new Error(wa.error.message);
    const [waStart] = await contactEvents(h.db, (wa.data as { contactId: string }).contactId);
    // Without a name from the composer, the template is named by its id.
    const tpl = fixtures.whatsappTemplate.id;
    expect(waStart).toMatchObject({ contentType: tpl, content: `Template ${tpl} with {{customerName}}=[name], {{orderId}}=T-1` });
  });

  it("still shows a test send audited before the request was kept, and nothing for contacts the console only joined", async () => {
    await recordContact(h.db, {
      contactId: "c-old-test",
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: "+12065550190",
      origin: "test_send",
      createdBy: "sam@example.com",
    });
    await recordAudit(
      h.db,
      { actorId: supervisor.id, actorEmail: "sam@example.com" },
      {
        action: "campaign.test_sent",
        targetType: "campaign",
        targetId: null,
        diff: { phone: "+12065550190", campaign: "Old", instanceId: fixtures.instance.id, contactId: "c-old-test" },
      },
    );
    const [old] = await contactEvents(h.db, "c-old-test");
    expect(old).toMatchObject({
      source: "start",
      type: OPENING_EVENT_TYPE,
      contentType: null,
      content: null,
      by: "sam@example.com",
      opening: { attempts: null, request: null },
    });

    await recordContact(h.db, {
      contactId: "c-joined",
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: "+12065550191",
      origin: "chat_event",
      createdBy: "sam@example.com",
    });
    await h.db.insert(chatEvents).values({
      channel: "sms",
      sourceId: "+12065550191",
      destinationId: "arn:d",
      contactId: "c-joined",
      origin: "console",
      actorEmail: "sam@example.com",
      eventType: "MESSAGE",
      contentType: "text/plain",
      content: "Hello",
      status: "sent",
    });
    expect((await contactEvents(h.db, "c-joined")).map((e) => [e.source, e.type, e.content])).toEqual([["chat_event", "MESSAGE", "Hello"]]);
    // A campaign contact whose ledger row says nothing about it has no start to show.
    await recordContact(h.db, {
      contactId: "c-no-ledger",
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: "+12065550192",
      origin: "campaign",
      recipientId: 999_999,
      createdBy: "system",
    });
    expect(await contactEvents(h.db, "c-no-ledger")).toEqual([]);
  });
});
