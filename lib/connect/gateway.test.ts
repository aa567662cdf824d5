import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "../connect-local/test-harness";
import { classifyConnectError } from "./classify-error";
import { createConnectGateway, type ConnectGateway } from "./gateway";
import type { StartOutboundChatInput } from "./types";

let h: Harness;
let gateway: ConnectGateway;
beforeAll(async () => {
  h = await startHarness();
  gateway = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1 });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.reset();
});

const smsChat = (overrides: Partial<StartOutboundChatInput> = {}): StartOutboundChatInput => ({
  instanceId: fixtures.instance.id,
  contactFlowId: fixtures.smsFlow.id,
  sourcePhoneNumberArn: fixtures.dualNumber.arn,
  destinationPhoneNumber: "+15555550199",
  channel: "sms",
  clientToken: `token-${Math.random()}`,
  ...overrides,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (err: unknown) => classifyConnectError(err),
  );

describe("ConnectGateway listings", () => {
  it("returns every instance, flow, number, queue, knowledge base and template", async () => {
    const instances = await gateway.listInstances();
    expect(instances.map((i) => i.id)).toEqual(catalog.instances.map((i) => i.id));
    expect(instances[0]?.createdAt).toBeInstanceOf(Date);

    const details = await gateway.describeInstance(fixtures.instance.id);
    expect(details).toMatchObject({ alias: fixtures.instance.alias, tags: fixtures.instance.tags, accessUrl: fixtures.instance.accessUrl });

    const flows = await gateway.listContactFlows(fixtures.instance.id);
    expect(flows).toHaveLength(catalog.flows(fixtures.instance.id).length);
    expect(await gateway.listContactFlows(fixtures.instance.id, ["CAMPAIGN"])).toEqual([
      expect.objectContaining({ type: "CAMPAIGN", state: "ACTIVE", status: "PUBLISHED" }),
    ]);

    const numbers = await gateway.listPhoneNumbers(fixtures.otherInstance.id);
    expect(numbers.map((n) => n.arn)).toEqual(catalog.phoneNumbers.filter((n) => n.instanceId === fixtures.otherInstance.id).map((n) => n.arn));
    expect(numbers[0]?.sourcePhoneNumberArn).toBe(fixtures.otherInstanceNumber.sourcePhoneNumberArn);

    const queues = await gateway.listQueues(fixtures.instance.id);
    expect(queues).toHaveLength(catalog.queues(fixtures.instance.id).length);
    expect(queues[0]?.lastModifiedAt).toBeInstanceOf(Date);

    const kbs = await gateway.listKnowledgeBases();
    expect(kbs.map((kb) => kb.type)).toContain("MESSAGE_TEMPLATES");
    const templates = await gateway.listMessageTemplates(fixtures.templatesKb.id);
    expect(templates).toHaveLength(fixtures.templatesKb.messageTemplates.length);
    expect(templates.find((t) => t.id === fixtures.whatsappTemplate.id)).toMatchObject({
      channelSubtype: "WHATSAPP",
      knowledgeBaseId: fixtures.templatesKb.id,
      createdAt: new Date(fixtures.whatsappTemplate.createdTime),
    });
  });
});

describe("ConnectGateway chats", () => {
  it("starts, replays, describes, joins and stops a chat", async () => {
    const input = smsChat({ attributes: { orderId: "A-7" }, participantDisplayName: "Ada", initialSystemMessage: "Your order shipped" });
    const started = await gateway.startOutboundChat(input);
    expect(started.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await gateway.startOutboundChat(input)).contactId).toBe(started.contactId);

    const contact = await gateway.describeContact(fixtures.instance.id, started.contactId);
    expect(contact).toMatchObject({
      id: started.contactId,
      channel: "CHAT",
      subtype: "connect:SMS",
      initiationMethod: "API",
      customerAddress: "+15555550199",
      systemAddress: fixtures.dualNumber.phoneNumber,
      attributes: { orderId: "A-7" },
      segmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
      customerEndpoint: { type: "TELEPHONE_NUMBER", address: "+15555550199", displayName: "Ada" },
      systemEndpoint: { type: "TELEPHONE_NUMBER", address: fixtures.dualNumber.phoneNumber },
    });
    expect(contact.initiatedAt).toBeInstanceOf(Date);
    expect(contact.disconnectedAt).toBeUndefined();

    const reply = await gateway.sendChatIntegrationEvent({
      sourceId: "+15555550199",
      destinationId: fixtures.dualNumber.sourcePhoneNumberArn!,
      channel: "sms",
      event: { type: "MESSAGE", contentType: "text/plain", content: "thanks" },
    });
    expect(reply).toMatchObject({ newChatCreated: false, initialContactId: started.contactId });

    await gateway.stopContact(fixtures.instance.id, started.contactId);
    const stopped = await gateway.describeContact(fixtures.instance.id, started.contactId);
    expect(stopped.disconnectReason).toBe("API");
    expect(stopped.disconnectedAt).toBeInstanceOf(Date);
  });

  it("sends WhatsApp template chats", async () => {
    const { contactId } = await gateway.startOutboundChat(
      smsChat({
        channel: "whatsapp",
        contactFlowId: fixtures.smsFlow.id,
        template: {
          knowledgeBaseId: fixtures.templatesKb.id,
          messageTemplateId: fixtures.whatsappTemplate.id,
          customAttributes: Object.fromEntries(fixtures.whatsappTemplate.variables.map((v) => [v, `value of ${v}`])),
        },
      }),
    );
    const [local] = (await h.contacts()).contacts;
    expect(local?.contactId).toBe(contactId);
    expect(local?.request).toMatchObject({
      SegmentAttributes: { "connect:Subtype": { ValueString: "connect:WhatsApp" } },
      InitialTemplatedSystemMessage: { MessageTemplateId: fixtures.whatsappTemplate.id },
    });
  });

  it("refuses local mode without an endpoint", () => {
    expect(() => createConnectGateway({ mode: "local", region: "us-east-1" })).toThrow(/endpoint/);
  });
});

describe("error classification of real responses", () => {
  it("throttled", async () => {
    await h.setConfig({ rate: 1, burst: 1 });
    await gateway.startOutboundChat(smsChat());
    expect(await failure(gateway.startOutboundChat(smsChat()))).toMatchObject({
      kind: "throttled",
      name: "ThrottlingException",
      httpStatus: 429,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("concurrency-limited", async () => {
    await h.setConfig({ maxActiveChats: 0 });
    expect(await failure(gateway.startOutboundChat(smsChat()))).toMatchObject({ kind: "concurrency-limited", name: "LimitExceededException", httpStatus: 429 });
  });

  it("transient: server error, timeout and refused connection", async () => {
    await h.setConfig({ faults: { InternalServiceException: 1 } });
    expect(await failure(gateway.startOutboundChat(smsChat()))).toMatchObject({ kind: "transient", name: "InternalServiceException", httpStatus: 500 });

    await h.setConfig({ faults: { Timeout: 1 }, timeoutHangMs: 10_000 });
    const impatient = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1, requestTimeoutMs: 200 });
    expect(await failure(impatient.startOutboundChat(smsChat()))).toMatchObject({ kind: "transient", name: "TimeoutError" });
    // The timeout setting reaches the Q in Connect client too without breaking calls that answer in time.
    expect((await impatient.listKnowledgeBases()).length).toBe(catalog.knowledgeBases.length);

    const nowhere = createConnectGateway({ mode: "local", endpoint: "http://127.0.0.1:9", region: catalog.region, maxAttempts: 1 });
    expect(await failure(nowhere.listInstances())).toMatchObject({ kind: "transient" });
  });

  it("systemic: unknown flow, instance or template", async () => {
    expect(await failure(gateway.startOutboundChat(smsChat({ contactFlowId: "deleted-flow" })))).toMatchObject({
      kind: "systemic",
      name: "ResourceNotFoundException",
      httpStatus: 404,
      message: expect.stringContaining("deleted-flow"),
    });
    expect(await failure(gateway.describeInstance("gone"))).toMatchObject({ kind: "systemic" });
    expect(await failure(gateway.listMessageTemplates("gone"))).toMatchObject({ kind: "systemic", name: "ResourceNotFoundException" });
  });

  it("permanent for the recipient: a bad destination number", async () => {
    expect(await failure(gateway.startOutboundChat(smsChat({ destinationPhoneNumber: "0800 FLOWERS" })))).toMatchObject({
      kind: "permanent-for-this-recipient",
      name: "InvalidRequestException",
      httpStatus: 400,
    });
  });

  it("leaves retries to the SDK only when maxAttempts allows it", async () => {
    await h.setConfig({ faults: { InternalServiceException: 1 } });
    const retrying = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 2 });
    await expect(retrying.startOutboundChat(smsChat())).rejects.toThrow();
    await expect(gateway.startOutboundChat(smsChat())).rejects.toThrow();
    const state = (await h.raw("GET", "/_local/state")).body as { counters: { requests: Record<string, number> } };
    expect(state.counters.requests.StartOutboundChatContact).toBe(3);
  });
});
