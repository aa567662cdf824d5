import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SEED_PATH, loadSeed } from "./load-seed";
import { startConnectLocal } from "./server";
import { fixtures, startHarness, type Harness } from "./test-harness";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- seed edits reach anywhere

const folder = mkdtempSync(join(tmpdir(), "connect-local-seed-"));
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The default seed with one edit applied, written to a file of its own. */
function seedWith(edit: (seed: Json) => void): string {
  const seed = JSON.parse(readFileSync(DEFAULT_SEED_PATH, "utf8")) as Json;
  edit(seed);
  const path = join(folder, `seed-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

const support = (seed: Json) => seed.instances[0] as Json;
const numberOf = (seed: Json, phoneNumber: string) => support(seed).phoneNumbers.find((n: Json) => n.phoneNumber === phoneNumber) as Json;
const flowOf = (seed: Json, name: string) => support(seed).contactFlows.find((f: Json) => f.name === name) as Json;
const usDid = fixtures.smsOnlyNumber.phoneNumber;
const dual = fixtures.dualNumber.phoneNumber;
const whatsAppOnly = fixtures.whatsAppOnlyNumber.phoneNumber;

describe("seed validation of the sending ceilings", () => {
  const bad: [string, (seed: Json) => void, RegExp][] = [
    [
      "a zero rate",
      (s) => (numberOf(s, usDid).messagesPerSecond = 0),
      /must be above 0 messages per second\n.*at instances\[0\]\.phoneNumbers\[1\]\.messagesPerSecond/,
    ],
    ["a rate that is text", (s) => (numberOf(s, usDid).messagesPerSecond = "fast"), /must be a number of messages per second or an object such as/],
    [
      "a rate for a channel the number does not serve",
      (s) => (numberOf(s, usDid).messagesPerSecond = { WHATSAPP: 80 }),
      new RegExp(`messagesPerSecond names WHATSAPP, which number \\${usDid} does not serve \\(it serves SMS\\)`),
    ],
    ["an unknown channel", (s) => (numberOf(s, dual).messagesPerSecond = { RCS: 5 }), /Unrecognized key: "RCS"\n.*messagesPerSecond/],
    [
      "a WhatsApp number without a business account",
      (s) => delete numberOf(s, whatsAppOnly).whatsAppBusinessAccountId,
      new RegExp(`WhatsApp number \\${whatsAppOnly} needs whatsAppBusinessAccountId`),
    ],
    [
      "a business account that is not listed",
      (s) => (numberOf(s, dual).whatsAppBusinessAccountId = "waba-nowhere"),
      /whatsAppBusinessAccountId waba-nowhere is not listed in whatsAppBusinessAccounts/,
    ],
    [
      "a business account on an SMS-only number",
      (s) => (numberOf(s, usDid).whatsAppBusinessAccountId = "waba-4f1c2a9e7b3d"),
      new RegExp(`number \\${usDid} does not serve WHATSAPP, so it has no whatsAppBusinessAccountId`),
    ],
    ["a limit that is not a tier", (s) => (s.whatsAppBusinessAccounts[0].messagingLimit = 500), /must be one of 250, 2000, 10000, 100000, UNLIMITED/],
    ["a lower-case unlimited", (s) => (s.whatsAppBusinessAccounts[0].messagingLimit = "unlimited"), /must be one of 250, 2000, 10000, 100000, UNLIMITED/],
    ["a malformed account id", (s) => (s.whatsAppBusinessAccounts[0].id = "acme"), /must be a WhatsApp Business Account id/],
    [
      "a duplicate account",
      (s) => s.whatsAppBusinessAccounts.push({ ...s.whatsAppBusinessAccounts[0] }),
      /duplicate WhatsApp Business Account id waba-4f1c2a9e7b3d/,
    ],
    ["no account list", (s) => delete s.whatsAppBusinessAccounts, /expected array, received undefined\n.*at whatsAppBusinessAccounts/],
    [
      "a template of an unlisted account",
      (s) => (s.whatsAppBusinessAccounts = s.whatsAppBusinessAccounts.filter((a: Json) => a.id !== "waba-4f1c2a9e7b3d")),
      /whatsApp.businessAccountId waba-4f1c2a9e7b3d is not listed in whatsAppBusinessAccounts/,
    ],
    ["a flow that ends at once", (s) => (flowOf(s, "Send and disconnect").endsChatAfterSeconds = 0), /must be at least 1 second/],
    ["a fractional flow time", (s) => (flowOf(s, "Send and disconnect").endsChatAfterSeconds = 1.5), /must be a whole number of seconds/],
    ["a flow time past the longest chat", (s) => (flowOf(s, "Send and disconnect").endsChatAfterSeconds = 604_801), /must be at most 604800 seconds/],
    [
      "an ending on a queue flow",
      (s) => (flowOf(s, "Default customer queue").endsChatAfterSeconds = 30),
      /endsChatAfterSeconds applies only to CONTACT_FLOW flows; flow Default customer queue is CUSTOMER_QUEUE/,
    ],
  ];

  it.each(bad)("rejects %s", (_name, edit, message) => {
    const path = seedWith(edit);
    expect(() => loadSeed(path)).toThrow(message);
  });

  it("accepts one rate for all channels, a rate per channel and every tier", () => {
    const path = seedWith((s) => {
      numberOf(s, dual).messagesPerSecond = 2.5;
      numberOf(s, whatsAppOnly).messagesPerSecond = { WHATSAPP: 1000 };
      s.whatsAppBusinessAccounts[0].messagingLimit = "UNLIMITED";
      s.whatsAppBusinessAccounts[1].messagingLimit = 100_000;
    });
    const seed = loadSeed(path);
    expect(seed.instances[0]?.phoneNumbers.find((n) => n.phoneNumber === dual)?.messagesPerSecond).toBe(2.5);
    expect(seed.whatsAppBusinessAccounts.map((a) => a.messagingLimit)).toEqual(["UNLIMITED", 100_000]);
  });
});

describe("runtime config of the sending ceilings", () => {
  const bad: [string, unknown, RegExp][] = [
    [
      "an unknown number",
      { numberMessagesPerSecond: { "no-such-number": 5 } },
      /numberMessagesPerSecond names phone number no-such-number, which is not in the seed/,
    ],
    [
      "a channel the number does not serve",
      { numberMessagesPerSecond: { [fixtures.smsOnlyNumber.id]: { WHATSAPP: 5 } } },
      new RegExp(`names WHATSAPP, which \\${usDid} does not serve`),
    ],
    ["a negative rate", { numberMessagesPerSecond: { [fixtures.smsOnlyNumber.id]: -1 } }, /must be above 0 messages per second\n.*at numberMessagesPerSecond/],
    ["a limit that is not a tier", { whatsAppMessagingLimit: 300 }, /must be one of 250, 2000, 10000, 100000, UNLIMITED\n.*at whatsAppMessagingLimit/],
    ["a switch that is not a boolean", { enforceNumberThroughput: "yes" }, /expected boolean[\s\S]*at enforceNumberThroughput/],
    ["an unknown flow", { flowEndsChatAfterSeconds: { "no-such-flow": 10 } }, /flowEndsChatAfterSeconds names flow no-such-flow, which is not in the seed/],
    [
      "a queue flow",
      { flowEndsChatAfterSeconds: { [fixtures.queueFlow.id]: 10 } },
      /flowEndsChatAfterSeconds names flow Default customer queue .* a CUSTOMER_QUEUE flow; only CONTACT_FLOW flows start chats/,
    ],
    ["a flow time of zero", { flowEndsChatAfterSeconds: { [fixtures.smsFlow.id]: 0 } }, /must be at least 1 second/],
    ["a clock step backwards", "clock", /advanceSeconds/],
  ];

  it.each(bad)("rejects %s and changes nothing", async (_name, body, message) => {
    const before = (await h.raw("GET", "/_local/config")).body;
    const response = body === "clock" ? await h.raw("POST", "/_local/clock", { advanceSeconds: -5 }) : await h.raw("PUT", "/_local/config", body);
    expect(response.status).toBe(400);
    expect(response.errorType).toBe("InvalidRequestException");
    expect(response.body.Message).toMatch(message);
    expect((await h.raw("GET", "/_local/config")).body).toEqual(before);
  });

  it("refuses to start with a config naming resources the seed lacks", async () => {
    await expect(startConnectLocal({ port: 0, log: false, config: { flowEndsChatAfterSeconds: { nope: 5 } } })).rejects.toThrow(
      /Invalid connect-local config:\n- flowEndsChatAfterSeconds names flow nope/,
    );
  });

  it("starts with the ceilings off, so callers that do not pace per number are not refused", async () => {
    const config = (await h.raw("GET", "/_local/config")).body;
    expect(config).toMatchObject({
      enforceNumberThroughput: false,
      numberMessagesPerSecond: {},
      enforceWhatsAppMessagingLimit: false,
      whatsAppMessagingLimit: null,
      flowEndsChatAfterSeconds: {},
    });
  });
});

describe("short codes", () => {
  it("send 100 messages a second by default", async () => {
    const path = seedWith((s) =>
      support(s).phoneNumbers.push({
        id: "5c0de000-0000-4000-8000-000000000001",
        phoneNumber: "+155501",
        countryCode: "US",
        type: "SHORT_CODE",
        description: "US short code",
        channels: ["SMS"],
        sourcePhoneNumberArn: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-5c0de0000000000000000000000000001",
        inboundContactFlowId: flowOf(s, "Inbound messaging").id,
      }),
    );
    const local = await startHarness({ seedPath: path, config: { enforceNumberThroughput: true, clockSpeed: 1e-9 } });
    try {
      const arn = `${fixtures.instance.arn.replace(/:instance\/.*/, "")}:phone-number/5c0de000-0000-4000-8000-000000000001`;
      const send = () =>
        local.raw("PUT", "/contact/outbound-chat", {
          InstanceId: fixtures.instance.id,
          ContactFlowId: fixtures.smsFlow.id,
          SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: arn },
          DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+15555550100" },
          SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
        });
      const statuses = async (count: number) => (await Promise.all(Array.from({ length: count }, send))).map((r) => r.status);
      expect(await statuses(100)).toEqual(Array(100).fill(200));
      const over = await send();
      expect(over).toMatchObject({ status: 429, errorType: "ThrottlingException" });
      expect(over.body.Message).toMatch(/\+155501: it sends 100 SMS message parts per second/);
      await local.advanceClock(1);
      expect(await statuses(100)).toEqual(Array(100).fill(200));
    } finally {
      await local.close();
    }
  });
});
