// Reading an SQS message body as Connect's streamed chat item in its SNS envelope, and what each item means.
import { describe, expect, it } from "vitest";
import { effectOf, replyText } from "./effects";
import { parseBody } from "./notification";

const EVENT = "application/vnd.amazonaws.connect.event";
const CONTACT = "33333333-abc5-46db-9ad5-d772559ab556";

// The admin guide's sample (contract-streaming.md S.3).
const item = {
  AbsoluteTime: "2021-09-08T13:28:24.656Z",
  Content: "help",
  ContentType: "text/plain",
  Id: "333333333-be0d-4a44-889d-d2a86fc06f0c",
  Type: "MESSAGE",
  ParticipantId: "bbbbbbbb-c562-4d95-b76c-dcbca8b4b5f7",
  DisplayName: "Jane",
  ParticipantRole: "CUSTOMER",
  InitialContactId: CONTACT,
  ContactId: CONTACT,
};
const attributes = {
  InitialContactId: { Type: "String", Value: CONTACT },
  Type: { Type: "String", Value: "MESSAGE" },
  InstanceId: { Type: "String", Value: "dddddddd-b64e-40c5-921b-109fd92499ae" },
  ContactId: { Type: "String", Value: CONTACT },
  ParticipantRole: { Type: "String", Value: "CUSTOMER" },
};
const envelope = (message: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    Type: "Notification",
    MessageId: "ccccccccc-cccc-cccc-cccc-ccccccccccccc",
    TopicArn: "arn:aws:sns:us-west-2:009969138378:connector-svc-test",
    Message: typeof message === "string" ? message : JSON.stringify(message),
    Timestamp: "2021-09-08T13:28:24.860Z",
    SignatureVersion: "1",
    MessageAttributes: attributes,
    ...extra,
  });

describe("parseBody", () => {
  it("reads the documented sample", () => {
    expect(parseBody(envelope(item))).toEqual({
      ok: true,
      notification: {
        messageId: "ccccccccc-cccc-cccc-cccc-ccccccccccccc",
        topicArn: "arn:aws:sns:us-west-2:009969138378:connector-svc-test",
        item: {
          id: item.Id,
          type: "MESSAGE",
          contentType: "text/plain",
          content: "help",
          participantRole: "CUSTOMER",
          participantId: item.ParticipantId,
          contactId: CONTACT,
          initialContactId: CONTACT,
          instanceId: "dddddddd-b64e-40c5-921b-109fd92499ae",
          absoluteTime: new Date("2021-09-08T13:28:24.656Z"),
        },
      },
    });
  });

  it("takes what the item leaves out from the message attributes, and a chat.ended needs no participant", () => {
    const ended = { AbsoluteTime: item.AbsoluteTime, ContentType: `${EVENT}.chat.ended`, Id: "e-1", Type: "EVENT" };
    const parsed = parseBody(envelope(ended, { MessageAttributes: { ...attributes, ParticipantRole: undefined } }));
    expect(parsed.ok && parsed.notification.item).toMatchObject({ contactId: CONTACT, initialContactId: CONTACT, participantRole: null, content: null });
  });

  it("keeps a message with a character PostgreSQL cannot store, replacing only that character", () => {
    const parsed = parseBody(envelope({ ...item, Content: "st\u0000op" }));
    expect(parsed.ok && parsed.notification.item.content).toBe("st\uFFFDop");
  });

  it("refuses what is not a chat item notification, saying why without quoting it", () => {
    const secret = "card 4111 1111 1111 1111";
    const reasons = [
      parseBody(undefined),
      parseBody(secret),
      parseBody(JSON.stringify([secret])),
      parseBody(JSON.stringify({ ...item, Content: secret })),
      parseBody(envelope(item, { Type: "UnsubscribeConfirmation" })),
      parseBody(envelope(`${secret}`)),
      parseBody(envelope({ ...item, Content: secret, AbsoluteTime: "yesterday" })),
      parseBody(envelope({ ...item, Content: secret, Id: 42 })),
      parseBody(envelope({ ...item, ContactId: undefined }, { MessageAttributes: {} })),
      parseBody(envelope(item, { MessageId: "" })),
    ].map((r) => (r.ok ? "accepted" : r.reason));
    expect(reasons).toEqual([
      "the body is not a JSON object",
      "the body is not a JSON object",
      "the body is not a JSON object",
      "a chat item without its SNS envelope: turn raw message delivery off on the queue's subscription",
      "an SNS UnsubscribeConfirmation message, not a Notification (confirm a subscription in SNS itself)",
      "Message is not a JSON object",
      "Message.AbsoluteTime: is not an ISO 8601 date-time",
      expect.stringMatching(/^Message\.Id: /),
      "Message.ContactId: missing, and no ContactId message attribute",
      expect.stringMatching(/^MessageId: /),
    ]);
    expect(reasons.join("\n")).not.toMatch(/4111|42/);
  });
});

describe("effectOf", () => {
  const of = (Type: string, ContentType: string, ParticipantRole: string | null) =>
    effectOf({ type: Type, contentType: ContentType, participantRole: ParticipantRole });

  it("reads receipts, endings and replies from the customer's side only", () => {
    expect(of("EVENT", `${EVENT}.message.delivered`, "CUSTOMER")).toBe("delivered");
    expect(of("MESSAGE_READ", `${EVENT}.message.read`, "CUSTOMER")).toBe("read");
    expect(of("EVENT", `${EVENT}.message.read`, "AGENT")).toBeNull();
    expect(of("EVENT", `${EVENT}.participant.left`, "CUSTOMER")).toBe("ended");
    expect(of("EVENT", `${EVENT}.participant.left`, "AGENT")).toBeNull();
    expect(of("EVENT", `${EVENT}.chat.ended`, null)).toBe("ended");
    expect(of("MESSAGE", "text/plain", "CUSTOMER")).toBe("reply");
    expect(of("MESSAGE", "text/plain", "SYSTEM")).toBeNull();
    expect(of("EVENT", `${EVENT}.typing`, "CUSTOMER")).toBeNull();
    expect(of("EVENT", `${EVENT}.participant.joined`, "CUSTOMER")).toBeNull();
  });

  it("reads a keyword only from text", () => {
    expect(replyText({ contentType: "text/plain", content: "STOP" })).toBe("STOP");
    expect(replyText({ contentType: "application/vnd.amazonaws.connect.message.interactive.response", content: '{"data":"STOP"}' })).toBeNull();
  });
});
