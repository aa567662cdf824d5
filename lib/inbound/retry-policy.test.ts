import { describe, expect, it } from "vitest";
import { chatEventFor } from "./chat-event";
import { DEFAULT_FORWARD_RETRY, decideForwardRetry } from "./retry-policy";

const top = () => 0.999999;
const bottom = () => 0;

describe("forward retry policy", () => {
  it("backs off exponentially with jitter, capped at five minutes, for throttling and outages", () => {
    for (const kind of ["throttled", "concurrency-limited", "transient"] as const) {
      expect(decideForwardRetry(kind, 1, DEFAULT_FORWARD_RETRY, top)).toEqual({ kind: "retry", delayMs: 1_000 });
      expect(decideForwardRetry(kind, 1, DEFAULT_FORWARD_RETRY, bottom)).toEqual({ kind: "retry", delayMs: 500 });
      expect(decideForwardRetry(kind, 4, DEFAULT_FORWARD_RETRY, top)).toEqual({ kind: "retry", delayMs: 8_000 });
      expect(decideForwardRetry(kind, 40, DEFAULT_FORWARD_RETRY, top)).toEqual({ kind: "retry", delayMs: 300_000 });
    }
  });

  it("keeps retrying configuration errors, far less often; fails only what Connect refuses outright", () => {
    expect(decideForwardRetry("systemic", 1, DEFAULT_FORWARD_RETRY, top)).toEqual({ kind: "retry", delayMs: 30_000 });
    expect(decideForwardRetry("systemic", 60, DEFAULT_FORWARD_RETRY, top)).toEqual({ kind: "retry", delayMs: 900_000 });
    expect(decideForwardRetry("permanent-for-this-recipient", 1)).toEqual({ kind: "fail" });
  });
});

describe("the chat event an inbound message becomes", () => {
  const integration = { channel: "whatsapp" as const, destinationArn: "arn:aws:social-messaging:us-east-1:1:phone-number-id/x" };
  const base = { destinationId: integration.destinationArn, sourceId: "+12065550100", channel: "whatsapp" };
  const session = { participantDisplayName: "+12065550100", supportedMessagingContentTypes: ["text/plain"] };

  it("is a plain-text MESSAGE, a delivered/read EVENT naming the message, or a DISCONNECT", () => {
    expect(chatEventFor(integration, { type: "message", fromPhone: "+12065550100", text: "Hi" })).toEqual({
      ...base,
      event: { type: "MESSAGE", contentType: "text/plain", content: "Hi" },
      newSession: session,
    });
    expect(chatEventFor(integration, { type: "delivered", fromPhone: "+12065550100", text: "m-1" })).toEqual({
      ...base,
      event: { type: "EVENT", contentType: "application/vnd.amazonaws.connect.event.message.delivered", content: '{"messageId":"m-1"}' },
      newSession: session,
    });
    expect(chatEventFor(integration, { type: "read", fromPhone: "+12065550100", text: "m-1" }).event.contentType).toBe(
      "application/vnd.amazonaws.connect.event.message.read",
    );
    expect(chatEventFor(integration, { type: "disconnect", fromPhone: "+12065550100", text: null })).toEqual({ ...base, event: { type: "DISCONNECT" } });
  });
});
