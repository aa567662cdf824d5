import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { sendChatEventSchema, type SendChatEventInput } from "./schemas";

const base: SendChatEventInput = {
  instanceId: "81c668b5-44d2-4b55-aeaf-d7932791457d",
  phoneNumberId: "arn:aws:connect:us-east-1:123456789012:instance/i/phone-number/p",
  channel: "sms",
  customerPhone: "+1 (206) 555-0100",
  eventType: "MESSAGE",
  contentType: "text/plain",
  content: "Hello",
};

function errorsOf(input: unknown): Record<string, string> {
  const parsed = sendChatEventSchema.safeParse(input);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(parsed.data)}`);
  return fieldErrors(parsed.error);
}

describe("sendChatEventSchema", () => {
  it("normalises the customer's number to E.164 and sends no new-session details when none are filled in", () => {
    const out = sendChatEventSchema.parse({
      ...base,
      newSession: { participantDisplayName: " ", attributes: [{ key: "", value: "" }], supportedMessagingContentTypes: [], streamingEndpointArn: "" },
    });
    expect(out).toMatchObject({ customerPhone: "+12065550100", contentType: "text/plain", content: "Hello" });
    expect(out.newSession).toBeUndefined();
  });

  it("explains a customer number without a country code or that is not a number", () => {
    expect(errorsOf({ ...base, customerPhone: "206 555 0100" }).customerPhone).toMatch(/^Not a number Connect can use: no country code.*e\.g\. \+12065550100$/);
    expect(errorsOf({ ...base, customerPhone: "hello" }).customerPhone).toMatch(/not a phone number/);
    expect(errorsOf({ ...base, customerPhone: "" }).customerPhone).toBe("Enter the customer's number");
  });

  it("takes text/plain only for MESSAGE events, with the text required and at most 1,024 characters", () => {
    expect(errorsOf({ ...base, contentType: "text/markdown" })).toEqual({
      contentType: "SMS and WhatsApp chats take text/plain messages only, not text/markdown",
    });
    expect(errorsOf({ ...base, contentType: "" }).contentType).toBe("Choose the content type of the MESSAGE event");
    expect(errorsOf({ ...base, content: "   " })).toEqual({ content: "Write the customer's message" });
    expect(errorsOf({ ...base, content: "x".repeat(1025) })).toEqual({ content: "A text/plain message holds at most 1,024 characters; this one has 1,025" });
    expect(sendChatEventSchema.parse({ ...base, content: "x".repeat(1024) }).content).toHaveLength(1024);
  });

  it("takes only event content types for EVENT, and a JSON message id for receipts", () => {
    const event = { ...base, eventType: "EVENT" as const };
    expect(errorsOf({ ...event, contentType: "text/plain" }).contentType).toMatch(/^text\/plain is not an event content type/);
    const typing = sendChatEventSchema.parse({ ...event, contentType: "application/vnd.amazonaws.connect.event.typing", content: "" });
    expect(typing).toMatchObject({ eventType: "EVENT", contentType: "application/vnd.amazonaws.connect.event.typing", content: undefined });
    const read = { ...event, contentType: "application/vnd.amazonaws.connect.event.message.read" };
    expect(errorsOf({ ...read, content: "" }).content).toMatch(/^A receipt names the message it acknowledges/);
    expect(errorsOf({ ...read, content: "m-1" }).content).toMatch(/^Use JSON with the acknowledged message's id/);
    expect(errorsOf({ ...read, content: '{"messageId":""}' }).content).toMatch(/^Use JSON/);
    expect(sendChatEventSchema.parse({ ...read, content: '{"messageId":"m-1"}' }).content).toBe('{"messageId":"m-1"}');
    expect(errorsOf({ ...event, contentType: "application/vnd.amazonaws.connect.event.typing", content: "x".repeat(16_385) }).content).toBe(
      "Connect takes at most 16,384 characters of content",
    );
  });

  it("refuses a content type or content on DISCONNECT and sends neither", () => {
    const disconnect = { ...base, eventType: "DISCONNECT" as const };
    expect(errorsOf(disconnect)).toEqual({
      contentType: "A DISCONNECT event has no content type: leave it empty",
      content: "A DISCONNECT event has no content: leave it empty",
    });
    const out = sendChatEventSchema.parse({ ...disconnect, contentType: "", content: "" });
    expect(out).toMatchObject({ eventType: "DISCONNECT", contentType: undefined, content: undefined });
  });

  it("reports a bad event type and a bad number together", () => {
    const errors = errorsOf({ ...base, eventType: "TYPING", customerPhone: "nope" });
    expect(errors.eventType).toBe("Choose MESSAGE, EVENT or DISCONNECT");
    expect(errors.customerPhone).toMatch(/^Not a number Connect can use/);
  });

  it("checks the new-session details against Connect's limits", () => {
    const session = (s: Record<string, unknown>) => ({
      ...base,
      newSession: { participantDisplayName: "", attributes: [], supportedMessagingContentTypes: [], streamingEndpointArn: "", ...s },
    });
    expect(errorsOf(session({ supportedMessagingContentTypes: ["text/markdown"] }))).toEqual({
      "newSession.supportedMessagingContentTypes": "Connect requires text/plain among the supported content types",
    });
    expect(errorsOf(session({ supportedMessagingContentTypes: ["text/plain", "image/png"] }))["newSession.supportedMessagingContentTypes.1"]).toBe(
      "Not a messaging content type Connect supports",
    );
    expect(errorsOf(session({ streamingEndpointArn: "arn:aws:sqs:us-east-1:123456789012:q" }))["newSession.streamingEndpointArn"]).toMatch(
      /^Use an SNS topic ARN/,
    );
    expect(errorsOf(session({ participantDisplayName: "x".repeat(257) }))["newSession.participantDisplayName"]).toBe("At most 256 characters");
    const attrs = errorsOf(
      session({
        attributes: [
          { key: "order id", value: "1" },
          { key: "", value: "v" },
          { key: "tier", value: "a" },
          { key: "tier", value: "b" },
        ],
      }),
    );
    expect(attrs).toEqual({
      "newSession.attributes.0.key": "Use letters, digits, - and _ only",
      "newSession.attributes.1.key": "Enter a key for this value",
      "newSession.attributes.3.key": "tier is already set above",
    });
    expect(errorsOf(session({ attributes: [{ key: "a", value: "é".repeat(16_384) }] }))["newSession.attributes"]).toBe(
      "Attributes total 32,769 bytes (UTF-8) over all keys and values; Connect allows 32,768",
    );

    const out = sendChatEventSchema.parse(
      session({
        participantDisplayName: " Ada ",
        attributes: [
          { key: "tier", value: "gold" },
          { key: "", value: "" },
        ],
        supportedMessagingContentTypes: ["text/markdown", "text/plain"],
        streamingEndpointArn: "arn:aws:sns:us-east-1:123456789012:chat-stream.fifo",
      }),
    );
    expect(out.newSession).toEqual({
      participantDisplayName: "Ada",
      attributes: { tier: "gold" },
      supportedMessagingContentTypes: ["text/markdown", "text/plain"],
      streamingEndpointArn: "arn:aws:sns:us-east-1:123456789012:chat-stream.fifo",
    });
  });
});
