import {
  DescribeContactCommand,
  InvalidRequestException,
  LimitExceededException,
  ResourceNotFoundException,
  SendChatIntegrationEventCommand,
  StartOutboundChatContactCommand,
  type SendChatIntegrationEventCommandInput,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { fixtures, harnessForFile, outboundChatRequest } from "./test-harness";

const h = harnessForFile();

const CUSTOMER = "+15555550111";
const message = (text: string) => ({ Type: "MESSAGE", ContentType: "text/plain", Content: text }) as const;

function event(overrides: Partial<SendChatIntegrationEventCommandInput> = {}) {
  return h.connect.send(
    new SendChatIntegrationEventCommand({
      SourceId: CUSTOMER,
      DestinationId: fixtures.dualNumber.sourcePhoneNumberArn,
      Subtype: "connect:SMS",
      Event: message("hello"),
      ...overrides,
    }),
  );
}

async function startOutbound(subtype = "connect:SMS") {
  const input = outboundChatRequest({
    DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: CUSTOMER },
    SegmentAttributes: { "connect:Subtype": { ValueString: subtype } },
  }) as unknown as StartOutboundChatContactCommandInput;
  return (await h.connect.send(new StartOutboundChatContactCommand(input))).ContactId!;
}

const describeContact = async (contactId: string) =>
  (await h.connect.send(new DescribeContactCommand({ InstanceId: fixtures.instance.id, ContactId: contactId }))).Contact;

describe("SendChatIntegrationEvent", () => {
  it("joins a customer's reply to the outbound chat from that number", async () => {
    const contactId = await startOutbound();
    const before = (await describeContact(contactId))?.LastUpdateTimestamp;
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Subtype is compared case-insensitively.
    const reply = await event({ Subtype: "connect:sms", Event: message("STOP") });
    expect(reply.NewChatCreated).toBe(false);
    expect(reply.InitialContactId).toBe(contactId);
    expect((await describeContact(contactId))?.LastUpdateTimestamp?.getTime()).toBeGreaterThan(before!.getTime());
    const { contacts, events } = await h.contacts();
    expect(contacts).toHaveLength(1);
    expect(events).toMatchObject([{ contactId, outcome: "joined-chat" }]);
  });

  it("does not join a chat on another channel or from another number", async () => {
    const smsChat = await startOutbound("connect:SMS");
    const whatsapp = await event({ Subtype: "connect:WhatsApp" });
    expect(whatsapp.NewChatCreated).toBe(true);
    expect(whatsapp.InitialContactId).not.toBe(smsChat);
    const otherNumber = await event({ DestinationId: fixtures.smsOnlyNumber.sourcePhoneNumberArn });
    expect(otherNumber.NewChatCreated).toBe(true);
    expect((await h.contacts()).contacts).toHaveLength(3);
  });

  it("starts a chat for a stranger through the number's inbound flow, and later messages join it", async () => {
    const first = await event({
      SourceId: "+447700900999",
      NewSessionDetails: {
        ParticipantDetails: { DisplayName: "Grace" },
        Attributes: { source: "sms-reply" },
        SupportedMessagingContentTypes: ["text/plain"],
        StreamingConfiguration: { StreamingEndpointArn: "arn:aws:sns:us-east-1:123456789012:chat-stream" },
      },
    });
    expect(first.NewChatCreated).toBe(true);
    const contactId = first.InitialContactId!;
    const contact = await describeContact(contactId);
    expect(contact).toMatchObject({
      InitiationMethod: "INBOUND",
      Channel: "CHAT",
      Attributes: { source: "sms-reply" },
      CustomerEndpoint: { Address: "+447700900999", DisplayName: "Grace" },
      SystemEndpoint: { Address: fixtures.dualNumber.phoneNumber },
    });
    expect(contact?.SegmentAttributes?.["connect:Subtype"]?.ValueString).toBe("connect:SMS");
    const local = (await h.contacts()).contacts.find((c) => c.contactId === contactId) as unknown as { contactFlowId: string };
    expect(local.contactFlowId).toBe(fixtures.dualNumber.inboundContactFlowId);

    const second = await event({ SourceId: "+447700900999", Event: { Type: "EVENT", ContentType: "application/vnd.amazonaws.connect.event.typing" } });
    expect(second).toMatchObject({ NewChatCreated: false, InitialContactId: contactId });
  });

  it("counts inbound chats toward the concurrency quota", async () => {
    await h.setConfig({ maxActiveChats: 1 });
    await event({ SourceId: "+15555550001" });
    await expect(event({ SourceId: "+15555550002" })).rejects.toBeInstanceOf(LimitExceededException);
    await expect(
      h.connect.send(new StartOutboundChatContactCommand(outboundChatRequest() as unknown as StartOutboundChatContactCommandInput)),
    ).rejects.toBeInstanceOf(LimitExceededException);
  });

  it("handles DISCONNECT with and without an active chat", async () => {
    const none = await event({ Event: { Type: "DISCONNECT" } });
    expect(none.NewChatCreated).toBe(false);
    expect(none.InitialContactId).toBeUndefined();
    expect((await h.contacts()).contacts).toHaveLength(0);

    const contactId = await startOutbound();
    const ended = await event({ Event: { Type: "DISCONNECT" } });
    expect(ended).toMatchObject({ NewChatCreated: false, InitialContactId: contactId });
    const contact = await describeContact(contactId);
    expect(contact?.DisconnectReason).toBe("CUSTOMER_DISCONNECT");
    expect(contact?.DisconnectTimestamp).toBeInstanceOf(Date);

    const afterwards = await event();
    expect(afterwards.NewChatCreated).toBe(true);
    expect(afterwards.InitialContactId).not.toBe(contactId);

    const { events } = await h.contacts();
    expect(events.map((e) => e.outcome)).toEqual(["no-active-chat", "ended-chat", "created-chat"]);
  });

  it("answers an unknown destination with ResourceNotFoundException", async () => {
    const error = await event({ DestinationId: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-unknown" }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((await h.contacts()).events).toHaveLength(0);
  });

  const base = {
    SourceId: CUSTOMER,
    DestinationId: fixtures.dualNumber.sourcePhoneNumberArn,
    Subtype: "connect:SMS",
    Event: message("hi"),
  };
  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ["missing SourceId", { ...base, SourceId: undefined }, /SourceId is required/],
    ["DestinationId too long", { ...base, DestinationId: "d".repeat(256) }, /DestinationId must be between 1 and 255/],
    ["unsupported subtype", { ...base, Subtype: "connect:Email" }, /Subtype "connect:Email" is not supported/],
    ["missing Event", { ...base, Event: undefined }, /Event is required/],
    ["unknown event type", { ...base, Event: { Type: "PING" } }, /Event.Type value "PING" is not valid/],
    ["MESSAGE without ContentType", { ...base, Event: { Type: "MESSAGE", Content: "x" } }, /Event.ContentType is required for MESSAGE/],
    ["MESSAGE without Content", { ...base, Event: { Type: "MESSAGE", ContentType: "text/plain" } }, /Event.Content is required for MESSAGE/],
    ["MESSAGE with markdown", { ...base, Event: { Type: "MESSAGE", ContentType: "text/markdown", Content: "*x*" } }, /use text\/plain/],
    [
      "EVENT with a message content type",
      { ...base, Event: { Type: "EVENT", ContentType: "text/plain" } },
      /Event.ContentType value "text\/plain" is not valid/,
    ],
    [
      "read receipt without Content",
      { ...base, Event: { Type: "EVENT", ContentType: "application/vnd.amazonaws.connect.event.message.read" } },
      /Event.Content is required/,
    ],
    ["DISCONNECT with content", { ...base, Event: { Type: "DISCONNECT", ContentType: "text/plain", Content: "bye" } }, /must be omitted for DISCONNECT/],
    [
      "content over 16,384",
      { ...base, Event: { Type: "MESSAGE", ContentType: "text/plain", Content: "x".repeat(16_385) } },
      /Event.Content must be between 1 and 16384/,
    ],
    [
      "session content types without text/plain",
      { ...base, NewSessionDetails: { SupportedMessagingContentTypes: ["application/json"] } },
      /NewSessionDetails.SupportedMessagingContentTypes must include text\/plain/,
    ],
    ["session attribute key", { ...base, NewSessionDetails: { Attributes: { "a.b": "c" } } }, /NewSessionDetails.Attributes key "a.b"/],
    ["streaming without ARN", { ...base, NewSessionDetails: { StreamingConfiguration: {} } }, /StreamingEndpointArn is required/],
    [
      "WhatsApp to an SMS-only number",
      { ...base, Subtype: "connect:WhatsApp", DestinationId: fixtures.smsOnlyNumber.sourcePhoneNumberArn },
      /does not serve connect:WhatsApp/,
    ],
  ];

  it.each(invalid)("rejects %s", async (_name, body, expected) => {
    const response = await h.raw("POST", "/chat-integration-event", body);
    expect(response.status).toBe(400);
    expect(response.errorType).toBe("InvalidRequestException");
    expect(response.body.Message).toMatch(expected);
  });

  it("surfaces validation errors to the SDK as InvalidRequestException", async () => {
    await expect(event({ Event: { Type: "MESSAGE", ContentType: "text/plain" } })).rejects.toBeInstanceOf(InvalidRequestException);
  });
});
