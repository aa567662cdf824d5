import {
  ContactNotFoundException,
  DescribeContactCommand,
  InvalidRequestException,
  LimitExceededException,
  ResourceNotFoundException,
  StartOutboundChatContactCommand,
  StopContactCommand,
  ThrottlingException,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { fixtures, harnessForFile, outboundChatRequest } from "./test-harness";

const h = harnessForFile();

const start = (overrides: Record<string, unknown> = {}) =>
  h.connect.send(new StartOutboundChatContactCommand(outboundChatRequest(overrides) as unknown as StartOutboundChatContactCommandInput));

const whatsapp = { "connect:Subtype": { ValueString: "connect:WhatsApp" } };
const template = (overrides: Record<string, unknown> = {}) => ({
  KnowledgeBaseId: fixtures.templatesKb.id,
  MessageTemplateId: fixtures.whatsappTemplate.id,
  TemplateAttributes: { CustomAttributes: { customerName: "Ada" } },
  ...overrides,
});
const omit = (key: string) => {
  const body = outboundChatRequest();
  delete body[key];
  return body;
};

describe("StartOutboundChatContact validation", () => {
  const invalid: [string, unknown, RegExp][] = [
    ["missing SourceEndpoint", omit("SourceEndpoint"), /SourceEndpoint is required/],
    [
      "source endpoint of the wrong type",
      outboundChatRequest({ SourceEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+15555550100" } }),
      /SourceEndpoint.Type must be CONNECT_PHONENUMBER_ARN/,
    ],
    ["unknown endpoint type", outboundChatRequest({ SourceEndpoint: { Type: "PIGEON", Address: "x" } }), /SourceEndpoint.Type value "PIGEON" is not valid/],
    ["missing source address", outboundChatRequest({ SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN" } }), /SourceEndpoint.Address is required/],
    [
      "destination endpoint of the wrong type",
      outboundChatRequest({ DestinationEndpoint: { Type: "VOIP", Address: "+15555550100" } }),
      /DestinationEndpoint.Type must be TELEPHONE_NUMBER/,
    ],
    [
      "destination not E.164",
      outboundChatRequest({ DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "5555550100" } }),
      /DestinationEndpoint.Address "5555550100" is not an E.164/,
    ],
    [
      "destination address too long",
      outboundChatRequest({ DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: `+1${"5".repeat(300)}` } }),
      /DestinationEndpoint.Address must be between 1 and 256/,
    ],
    ["missing InstanceId", omit("InstanceId"), /InstanceId is required/],
    ["InstanceId too long", outboundChatRequest({ InstanceId: "i".repeat(101) }), /InstanceId must be between 1 and 100 characters long \(got 101\)/],
    ["missing SegmentAttributes", omit("SegmentAttributes"), /SegmentAttributes is required/],
    ["no subtype", outboundChatRequest({ SegmentAttributes: {} }), /must contain "connect:Subtype"/],
    [
      "unsupported subtype",
      outboundChatRequest({ SegmentAttributes: { "connect:Subtype": { ValueString: "connect:Email" } } }),
      /"connect:Email" is not valid; expected one of connect:SMS, connect:WhatsApp/,
    ],
    [
      "segment key too long",
      outboundChatRequest({ SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" }, ["k".repeat(129)]: { ValueString: "v" } } }),
      /key must be between 1 and 128/,
    ],
    [
      "segment ValueString too long",
      outboundChatRequest({ SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" }, extra: { ValueString: "v".repeat(1025) } } }),
      /ValueString must be between|ValueString must be at most 1024/,
    ],
    ["missing ContactFlowId", omit("ContactFlowId"), /ContactFlowId is required/],
    ["ContactFlowId too long", outboundChatRequest({ ContactFlowId: "f".repeat(501) }), /ContactFlowId must be between 1 and 500/],
    ["duration below range", outboundChatRequest({ ChatDurationInMinutes: 59 }), /ChatDurationInMinutes must be between 60 and 10080 \(got 59\)/],
    ["duration above range", outboundChatRequest({ ChatDurationInMinutes: 10_081 }), /ChatDurationInMinutes must be between 60 and 10080 \(got 10081\)/],
    ["duration not an integer", outboundChatRequest({ ChatDurationInMinutes: 90.5 }), /ChatDurationInMinutes must be an integer/],
    ["participant without DisplayName", outboundChatRequest({ ParticipantDetails: {} }), /ParticipantDetails.DisplayName is required/],
    [
      "DisplayName too long",
      outboundChatRequest({ ParticipantDetails: { DisplayName: "d".repeat(257) } }),
      /ParticipantDetails.DisplayName must be between 1 and 256/,
    ],
    [
      "system message without Content",
      outboundChatRequest({ InitialSystemMessage: { ContentType: "text/plain" } }),
      /InitialSystemMessage.Content is required/,
    ],
    [
      "system message too long",
      outboundChatRequest({ InitialSystemMessage: { ContentType: "text/plain", Content: "x".repeat(16_385) } }),
      /InitialSystemMessage.Content must be between 1 and 16384/,
    ],
    [
      "system message content type",
      outboundChatRequest({ InitialSystemMessage: { ContentType: "image/png", Content: "x" } }),
      /InitialSystemMessage.ContentType value "image\/png" is not valid/,
    ],
    [
      "content types without text/plain",
      outboundChatRequest({ SupportedMessagingContentTypes: ["text/markdown"] }),
      /SupportedMessagingContentTypes must include text\/plain/,
    ],
    [
      "unsupported content type",
      outboundChatRequest({ SupportedMessagingContentTypes: ["text/plain", "image/png"] }),
      /SupportedMessagingContentTypes\[1\] value "image\/png" is not valid/,
    ],
    ["attribute key with a space", outboundChatRequest({ Attributes: { "order id": "1" } }), /Attributes key "order id" may contain only letters, digits/],
    ["attribute value not a string", outboundChatRequest({ Attributes: { orderId: 7 } }), /Attributes\["orderId"\] must be a string/],
    [
      "attributes over 32,768 bytes",
      outboundChatRequest({ Attributes: { a: "x".repeat(20_000), b: "é".repeat(7_000) } }),
      /total 34002 UTF-8 bytes.*limit is 32768/,
    ],
    ["ClientToken too long", outboundChatRequest({ ClientToken: "t".repeat(501) }), /ClientToken must be at most 500/],
    ["empty RelatedContactId", outboundChatRequest({ RelatedContactId: "" }), /RelatedContactId must be between 1 and 256/],
    ["template on an SMS chat", outboundChatRequest({ InitialTemplatedSystemMessage: template() }), /only supported for connect:WhatsApp/],
    [
      "template without TemplateAttributes",
      outboundChatRequest({ SegmentAttributes: whatsapp, InitialTemplatedSystemMessage: template({ TemplateAttributes: undefined }) }),
      /InitialTemplatedSystemMessage.TemplateAttributes is required/,
    ],
    [
      "template and plain message together",
      outboundChatRequest({
        SegmentAttributes: whatsapp,
        InitialTemplatedSystemMessage: template(),
        InitialSystemMessage: { ContentType: "text/plain", Content: "hi" },
      }),
      /not both/,
    ],
    [
      "profile attributes not JSON",
      outboundChatRequest({
        SegmentAttributes: whatsapp,
        InitialTemplatedSystemMessage: template({ TemplateAttributes: { CustomerProfileAttributes: "{oops" } }),
      }),
      /CustomerProfileAttributes must be a serialized JSON object/,
    ],
    [
      "WhatsApp on an SMS-only number",
      outboundChatRequest({ SegmentAttributes: whatsapp, SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: fixtures.smsOnlyNumber.arn } }),
      /does not serve connect:WhatsApp/,
    ],
    [
      "SMS template for a WhatsApp chat",
      outboundChatRequest({ SegmentAttributes: whatsapp, InitialTemplatedSystemMessage: template({ MessageTemplateId: fixtures.smsTemplate.id }) }),
      /is a SMS template/,
    ],
    ["body that is a list", [], /Request body must be a JSON object/],
  ];

  it.each(invalid)("rejects %s with InvalidRequestException", async (_name, body, message) => {
    const response = await h.raw("PUT", "/contact/outbound-chat", body);
    expect(response.status).toBe(400);
    expect(response.errorType).toBe("InvalidRequestException");
    expect(response.body.Message).toMatch(message);
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  const notFound: [string, Record<string, unknown>, RegExp][] = [
    ["unknown instance", { InstanceId: "00000000-0000-4000-8000-000000000000" }, /Instance 00000000-.* not found/],
    ["unknown flow", { ContactFlowId: "no-such-flow" }, /Contact flow no-such-flow not found/],
    ["archived flow", { ContactFlowId: fixtures.archivedFlow.id }, /is ARCHIVED/],
    ["unpublished flow", { ContactFlowId: fixtures.draftFlow.id }, /not published/],
    [
      "unknown number",
      { SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: "arn:aws:connect:us-east-1:123456789012:phone-number/nope" } },
      /phone number .*nope not found/,
    ],
    [
      "number of another instance",
      { SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: fixtures.otherInstanceNumber.arn } },
      /is not claimed by instance/,
    ],
    [
      "unknown knowledge base",
      { SegmentAttributes: whatsapp, InitialTemplatedSystemMessage: template({ KnowledgeBaseId: "kb-missing" }) },
      /knowledge base kb-missing not found/,
    ],
    [
      "unknown template",
      { SegmentAttributes: whatsapp, InitialTemplatedSystemMessage: template({ MessageTemplateId: "tpl-missing" }) },
      /message template tpl-missing not found/,
    ],
    [
      "template from another knowledge base",
      { SegmentAttributes: whatsapp, InitialTemplatedSystemMessage: template({ KnowledgeBaseId: fixtures.otherKb.id }) },
      /not found in knowledge base/,
    ],
  ];

  it.each(notFound)("answers %s with ResourceNotFoundException", async (_name, overrides, message) => {
    const response = await h.raw("PUT", "/contact/outbound-chat", outboundChatRequest(overrides));
    expect(response.status).toBe(404);
    expect(response.errorType).toBe("ResourceNotFoundException");
    expect(response.body.Message).toMatch(message);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await h.raw("PUT", "/contact/outbound-chat", "{not json");
    expect(response.status).toBe(400);
    expect(response.errorType).toBe("SerializationException");
  });

  it("delivers errors to the SDK as typed exceptions with status and request id", async () => {
    const invalidError = await start({ ChatDurationInMinutes: 5 }).catch((err: unknown) => err);
    expect(invalidError).toBeInstanceOf(InvalidRequestException);
    expect((invalidError as InvalidRequestException).message).toMatch(/ChatDurationInMinutes/);
    expect((invalidError as InvalidRequestException).$metadata.httpStatusCode).toBe(400);
    expect((invalidError as InvalidRequestException).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const missing = await start({ ContactFlowId: "nope" }).catch((err: unknown) => err);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect((await h.contacts()).contacts).toHaveLength(0);
  });

  it("accepts attributes of exactly 32,768 bytes, a WhatsApp template by ARN and an instance ARN", async () => {
    const full = await start({ Attributes: { a: "x".repeat(32_767) } });
    expect(full.ContactId).toBeTruthy();
    const templated = await start({
      InstanceId: fixtures.instance.arn,
      SegmentAttributes: whatsapp,
      InitialTemplatedSystemMessage: template({ KnowledgeBaseId: fixtures.templatesKb.arn, MessageTemplateId: `${fixtures.whatsappTemplate.arn}:1` }),
      SupportedMessagingContentTypes: ["text/markdown", "text/plain"],
    });
    expect(templated.ContactId).toBeTruthy();
    expect((await h.contacts()).contacts).toHaveLength(2);
  });
});

describe("StartOutboundChatContact behaviour", () => {
  it("creates a chat that DescribeContact reports with parsed timestamps", async () => {
    const { ContactId } = await start({
      Attributes: { orderId: "A-1" },
      ParticipantDetails: { DisplayName: "Ada" },
      RelatedContactId: "previous-contact",
      ChatDurationInMinutes: 120,
    });
    const { Contact } = await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    expect(Contact?.Id).toBe(ContactId);
    expect(Contact?.Arn).toBe(`${fixtures.instance.arn}/contact/${ContactId}`);
    expect(Contact?.Channel).toBe("CHAT");
    expect(Contact?.InitiationMethod).toBe("API");
    expect(Contact?.InitiationTimestamp).toBeInstanceOf(Date);
    expect(Math.abs(Contact!.InitiationTimestamp!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Contact?.LastUpdateTimestamp).toBeInstanceOf(Date);
    expect(Contact?.DisconnectTimestamp).toBeUndefined();
    expect(Contact?.SegmentAttributes?.["connect:Subtype"]?.ValueString).toBe("connect:SMS");
    expect(Contact?.Attributes).toEqual({ orderId: "A-1" });
    expect(Contact?.CustomerEndpoint).toEqual({ Type: "TELEPHONE_NUMBER", Address: "+15555550100", DisplayName: "Ada" });
    expect(Contact?.SystemEndpoint?.Address).toBe(fixtures.dualNumber.phoneNumber);
    expect(Contact?.RelatedContactId).toBe("previous-contact");
  });

  it("reports the configured initiation method", async () => {
    await h.setConfig({ initiationMethod: "OUTBOUND" });
    const { ContactId } = await start();
    const { Contact } = await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    expect(Contact?.InitiationMethod).toBe("OUTBOUND");
  });

  it("returns the same contact for the same ClientToken and creates nothing new", async () => {
    const first = await start({ ClientToken: "recipient-42" });
    const again = await start({ ClientToken: "recipient-42" });
    const other = await start({ ClientToken: "recipient-43" });
    expect(again.ContactId).toBe(first.ContactId);
    expect(other.ContactId).not.toBe(first.ContactId);
    const { contacts } = await h.contacts();
    expect(contacts).toHaveLength(2);
    expect(contacts.filter((c) => c.clientToken === "recipient-42")).toHaveLength(1);
    expect(contacts[0]?.request).toMatchObject({ ClientToken: "recipient-42", ContactFlowId: fixtures.smsFlow.id });
  });

  it("scopes tokens to the instance", async () => {
    const here = await start({ ClientToken: "shared-token" });
    const there = await start({
      ClientToken: "shared-token",
      InstanceId: fixtures.otherInstance.id,
      ContactFlowId: fixtures.otherSmsFlow.id,
      SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: fixtures.otherInstanceNumber.arn },
    });
    expect(there.ContactId).not.toBe(here.ContactId);
  });

  it("forgets a token after 7 simulated days", async () => {
    const first = await start({ ClientToken: "weekly" });
    await h.setConfig({ clockSpeed: 10_000_000 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    await h.setConfig({ clockSpeed: 1 });
    const later = await start({ ClientToken: "weekly" });
    expect(later.ContactId).not.toBe(first.ContactId);
  });

  it("throttles by rate and burst with ThrottlingException", async () => {
    await h.setConfig({ rate: 1, burst: 2 });
    await start();
    await start();
    const error = await start().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    expect((error as Error).message).toMatch(/1 requests per second with a burst of 2/);
    expect((await h.contacts()).contacts).toHaveLength(2);
  });

  it("limits concurrent chats per instance; a replayed token does not count", async () => {
    await h.setConfig({ maxActiveChats: 2 });
    const a = await start({ ClientToken: "a" });
    await start({ ClientToken: "b" });
    expect((await start({ ClientToken: "a" })).ContactId).toBe(a.ContactId);
    const error = await start({ ClientToken: "c" }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(LimitExceededException);
    expect((error as Error).message).toMatch(/2 active chats; the concurrent active chat quota is 2/);

    // Another instance has its own quota.
    const elsewhere = await start({
      InstanceId: fixtures.otherInstance.id,
      ContactFlowId: fixtures.otherSmsFlow.id,
      SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: fixtures.otherInstanceNumber.arn },
    });
    expect(elsewhere.ContactId).toBeTruthy();

    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: a.ContactId }));
    expect((await start({ ClientToken: "c" })).ContactId).toBeTruthy();
  });

  it("ends chats when their duration passes on the simulated clock", async () => {
    await h.setConfig({ maxActiveChats: 1 });
    const { ContactId } = await start({ ChatDurationInMinutes: 60 });
    await expect(start()).rejects.toBeInstanceOf(LimitExceededException);

    const before = (await h.raw("GET", "/_local/state")).body as { clock: { now: string } };
    await h.setConfig({ clockSpeed: 60_000 }); // one real millisecond is one simulated minute
    await new Promise((resolve) => setTimeout(resolve, 120));
    await h.setConfig({ clockSpeed: 1 });
    const after = (await h.raw("GET", "/_local/state")).body as { clock: { now: string } };
    expect(Date.parse(after.clock.now) - Date.parse(before.clock.now)).toBeGreaterThanOrEqual(60 * 60_000);

    const { Contact } = await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    expect(Contact?.DisconnectReason).toBe("EXPIRED");
    expect(Contact!.DisconnectTimestamp!.getTime() - Contact!.InitiationTimestamp!.getTime()).toBe(60 * 60_000);
    expect((await h.contacts()).contacts[0]?.status).toBe("ended");
    expect((await start()).ContactId).toBeTruthy();
  });
});

describe("StopContact and DescribeContact", () => {
  it("stops a chat, and stopping it again is a no-op", async () => {
    const { ContactId } = await start();
    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    const { Contact } = await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    expect(Contact?.DisconnectReason).toBe("API");
    expect(Contact?.DisconnectTimestamp).toBeInstanceOf(Date);
    const stoppedAt = Contact?.DisconnectTimestamp?.getTime();

    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    const again = await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId }));
    expect(again.Contact?.DisconnectTimestamp?.getTime()).toBe(stoppedAt);
  });

  it("answers unknown contacts with ContactNotFoundException and ResourceNotFoundException", async () => {
    const stop = await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: "no-such-contact" })).catch((err: unknown) => err);
    expect(stop).toBeInstanceOf(ContactNotFoundException);
    expect((stop as ContactNotFoundException).$metadata.httpStatusCode).toBe(410);

    const describeMissing = await h.connect
      .send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId: "no-such-contact" }))
      .catch((err: unknown) => err);
    expect(describeMissing).toBeInstanceOf(ResourceNotFoundException);

    const { ContactId } = await start();
    const wrongInstance = await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.otherInstance.id, ContactId })).catch((err: unknown) => err);
    expect(wrongInstance).toBeInstanceOf(ResourceNotFoundException);
  });

  it("validates StopContact members", async () => {
    const missing = await h.raw("POST", "/contact/stop", { InstanceId: fixtures.instance.id });
    expect(missing.status).toBe(400);
    expect(missing.body.Message).toBe("ContactId is required");
    const unknownInstance = await h.raw("POST", "/contact/stop", { InstanceId: "nope", ContactId: "c" });
    expect(unknownInstance.errorType).toBe("ResourceNotFoundException");
  });
});
