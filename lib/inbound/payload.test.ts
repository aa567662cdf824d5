import { describe, expect, it } from "vitest";
import { parseInboundPayload } from "./payload";

const OWN = "+12065550142";
const base = { messageId: "SM1", from: "+1 (206) 555-0100", to: OWN, text: "Hello", timestamp: 1_760_000_000 };

describe("inbound payload", () => {
  it("normalises numbers and reads unix seconds, milliseconds and ISO times", () => {
    const r = parseInboundPayload({ ...base, extra: "ignored" }, OWN);
    expect(r).toEqual({
      ok: true,
      payload: { messageId: "SM1", type: "message", from: "+12065550100", to: OWN, text: "Hello", refMessageId: null, timestamp: new Date(1_760_000_000_000) },
    });
    expect(parseInboundPayload({ ...base, from: "206 555 0100", timestamp: "1760000000000" }, OWN)).toMatchObject({
      ok: true,
      payload: { from: "+12065550100", timestamp: new Date(1_760_000_000_000) },
    });
    expect(parseInboundPayload({ ...base, to: "12065550142", timestamp: "2026-03-01T09:30:00Z" }, OWN)).toMatchObject({
      ok: true,
      payload: { timestamp: new Date("2026-03-01T09:30:00Z") },
    });
  });

  it("puts each problem next to its field", () => {
    expect(parseInboundPayload({ ...base, to: "+12065550199" }, OWN)).toEqual({
      ok: false,
      fields: { to: "This integration receives messages for +12065550142, not +12065550199" },
    });
    expect(parseInboundPayload({ ...base, from: "hello" }, OWN)).toMatchObject({
      ok: false,
      fields: { from: expect.stringMatching(/^hello is not a number a chat can reach/) },
    });
    expect(parseInboundPayload({ ...base, text: "  " }, OWN)).toEqual({ ok: false, fields: { text: "A message needs its text" } });
    expect(parseInboundPayload({ ...base, text: "x".repeat(16_385) }, OWN)).toEqual({
      ok: false,
      fields: { text: "Amazon Connect takes at most 16384 characters" },
    });
    expect(parseInboundPayload({ ...base, messageId: "m".repeat(129) }, OWN)).toEqual({ ok: false, fields: { messageId: "Use at most 128 characters" } });
    expect(parseInboundPayload({ ...base, messageId: undefined }, OWN)).toEqual({
      ok: false,
      fields: { messageId: "Give the provider's id for this message in messageId" },
    });
    expect(parseInboundPayload({ ...base, timestamp: 1_760_000 }, OWN)).toMatchObject({
      ok: false,
      fields: { timestamp: expect.stringMatching(/^Use unix seconds/) },
    });
    expect(parseInboundPayload({ ...base, type: "typing" }, OWN)).toEqual({ ok: false, fields: { type: "Use one of: message, delivered, read, disconnect" } });
    expect(parseInboundPayload([], OWN)).toEqual({ ok: false, fields: { _: "Send a JSON object" } });
  });

  it("reads receipts' referenced message from refMessageId, or else from text, and needs one", () => {
    expect(parseInboundPayload({ ...base, type: "delivered", text: undefined, refMessageId: "agent-msg-1" }, OWN)).toMatchObject({
      ok: true,
      payload: { type: "delivered", text: null, refMessageId: "agent-msg-1" },
    });
    expect(parseInboundPayload({ ...base, type: "read", text: " agent-msg-2 " }, OWN)).toMatchObject({
      ok: true,
      payload: { type: "read", text: null, refMessageId: "agent-msg-2" },
    });
    expect(parseInboundPayload({ ...base, type: "read", text: undefined }, OWN)).toEqual({
      ok: false,
      fields: { refMessageId: "A read receipt names the message it acknowledges in refMessageId" },
    });
    expect(parseInboundPayload({ ...base, type: "disconnect", text: undefined }, OWN)).toMatchObject({ ok: true, payload: { type: "disconnect", text: null } });
  });
});
