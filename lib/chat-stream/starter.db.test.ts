// The stream starter against local Connect and a real database: campaigns sent by the real dispatcher, their chats'
// streaming started by the starter's own loop, and what Connect then publishes read back by the chat stream's consumer.
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createConnectGateway } from "@/lib/connect/gateway";
import type { ConnectErrorInfo } from "@/lib/connect/types";
import { recordContact } from "@/lib/contacts/record";
import { EVENT, TOPIC_ARN, customerEvent, queueUrl } from "@/lib/connect-local/streaming-test-kit";
import { catalog, fixtures, harnessForFile } from "@/lib/connect-local/test-harness";
import { chatStreamItems, settings } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { ledger, phoneAt, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { loadEnv } from "@/lib/env-schema";
import { CHAT_STREAMING_SETTING } from "@/lib/settings/chat-streaming";
import { createTestDb } from "@/lib/testing/test-db";
import { campaignNumberDestination, CAMPAIGN_NUMBER, contactRow, drained, recipientRow, sendCampaign, simOf } from "./chat-stream-test-kit";
import { startChatStreamConsumer, type ChatStreamConsumer } from "./consumer";
import { startStreamStarterFromEnv } from "./starter-env";
import { startStreamStarter, streamClientToken, verdictOf, type RoundResult, type StreamStarter, type StreamStarterConfig } from "./starter";

const h = harnessForFile();
let handle: DatabaseHandle;
let sim: Sim;
let destination: string;
const running: (StreamStarter | ChatStreamConsumer)[] = [];
let rounds: RoundResult[] = [];
let lines: string[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  sim = simOf(h);
  destination = await campaignNumberDestination(sim.gateway);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
  await db().delete(settings).where(eq(settings.key, CHAT_STREAMING_SETTING));
  rounds = [];
  lines = [];
});
afterAll(async () => {
  await handle?.close();
});

const db = () => handle.db;

function starter(overrides: Partial<StreamStarterConfig> = {}, options: StreamStarterConfig["options"] = {}): StreamStarter {
  const s = startStreamStarter({
    db: db(),
    gateway: sim.gateway,
    mode: "local",
    options: { intervalMs: 50, retryBaseMs: 200, ...options },
    log: (line) => lines.push(line),
    onRound: (r) => rounds.push(r),
    ...overrides,
  });
  running.push(s);
  return s;
}

async function counters() {
  const c = (await h.raw("GET", "/_local/state")).body.counters as { requests: Record<string, number>; idempotentReplays: number };
  return { streamingCalls: c.requests.StartContactStreaming ?? 0, listInstances: c.requests.ListInstances ?? 0, replays: c.idempotentReplays };
}

/** The streams local Connect has open: the truth the console's records are held to. */
async function simStreams(): Promise<{ streamingId: string; contactId: string; topicArn: string }[]> {
  return (await h.raw("GET", "/_local/streaming")).body.streams as never;
}

const streamOf = async (contactId: string) => {
  const c = (await contactRow(db(), contactId))!;
  return { status: c.streamStatus, streamingId: c.streamingId, topic: c.streamTopicArn, attempts: c.streamAttempts, error: c.streamError };
};

function allStreamed(contactIds: string[], status = "started") {
  return waitFor(`${contactIds.length} contact(s) ${status}`, async () => {
    const rows = await Promise.all(contactIds.map(streamOf));
    return rows.every((r) => r.status === status) ? rows : undefined;
  });
}

const roundsAfter = async (n: number) => {
  const from = rounds.length;
  await waitFor(`${n} more rounds`, async () => rounds.length >= from + n);
};

const receipt = (kind: "delivered" | "read") =>
  ({ Type: "EVENT", ContentType: `${EVENT}.message.${kind}`, Content: JSON.stringify({ messageId: "m-1" }) }) as const;

describe("a campaign's chats", () => {
  it("are streamed beside the dispatcher, and their receipts then reach the contacts and the ledger through the queue", async () => {
    starter();
    const sent = await sendCampaign(db(), sim, 4000, 3);
    const ids = sent.map((s) => s.contact.contactId);
    const streamed = await allStreamed(ids);

    // Each contact holds the StreamingId Connect has for it, once, to the simulator's default topic.
    const open = await simStreams();
    expect(open).toHaveLength(3);
    expect(streamed).toEqual(
      ids.map((id) => ({ status: "started", streamingId: open.find((s) => s.contactId === id)!.streamingId, topic: TOPIC_ARN, attempts: 1, error: null })),
    );

    const consumer = startChatStreamConsumer({ db: db(), sqs: h.sqs, queue: { name: "chat-stream" }, waitTimeSeconds: 1, log: () => {} });
    running.push(consumer);
    for (const s of sent) await customerEvent(h, receipt("delivered"), { SourceId: s.recipient.phone!, DestinationId: destination });
    await customerEvent(h, receipt("read"), { SourceId: sent[0]!.recipient.phone!, DestinationId: destination });
    await drained(h.sqs, await queueUrl(h));

    const [first, ...others] = await Promise.all(sent.map((s) => recipientRow(db(), s.recipient.id)));
    expect(first).toMatchObject({ deliveredAt: expect.any(Date), readAt: expect.any(Date) });
    for (const r of others) expect(r).toMatchObject({ deliveredAt: expect.any(Date), readAt: null });
    expect(await contactRow(db(), ids[0]!)).toMatchObject({ deliveredAt: first!.deliveredAt, readAt: first!.readAt });
    // The flow's first message came through the stream too: the opening of each chat reaches a new stream.
    const opening = await db()
      .select({ contactId: chatStreamItems.initialContactId, content: chatStreamItems.content })
      .from(chatStreamItems)
      .where(and(eq(chatStreamItems.participantRole, "SYSTEM"), isNotNull(chatStreamItems.content)));
    expect(
      opening
        .filter((o) => ids.includes(o.contactId))
        .map((o) => o.content)
        .sort(),
    ).toEqual(["Hello R0", "Hello R1", "Hello R2"]);
  });

  it("are streamed as soon as the dispatcher records them, not at the starter's next round", async () => {
    // A phone's delivered receipt can come a second after the send, and Connect streams only what follows the start.
    starter({}, { intervalMs: 60_000 });
    await roundsAfter(1);
    const sent = await sendCampaign(db(), sim, 4020, 2);
    const t0 = Date.now();
    await allStreamed(sent.map((s) => s.contact.contactId));
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("are split between processes without one chat's streaming started twice", async () => {
    const sent = await sendCampaign(db(), sim, 4050, 24);
    const before = await counters();
    starter({}, { batchSize: 4 });
    starter({}, { batchSize: 4 });
    await allStreamed(sent.map((s) => s.contact.contactId));
    expect((await counters()).streamingCalls - before.streamingCalls).toBe(24);
    expect(await simStreams()).toHaveLength(24);
  });
});

describe("every chat the console records", () => {
  it("is streamed whatever created it: a test send, or a chat event that started a chat", async () => {
    const started = await sim.gateway.startOutboundChat({
      instanceId: fixtures.instance.id,
      contactFlowId: fixtures.smsFlow.id,
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      destinationPhoneNumber: phoneAt(4100),
      channel: "sms",
      clientToken: "test-send-4100",
    });
    const common = { instanceId: fixtures.instance.id, channel: "sms" as const, sourcePhone: CAMPAIGN_NUMBER, createdBy: "admin@example.com" };
    await recordContact(db(), { ...common, contactId: started.contactId, customerPhone: phoneAt(4100), origin: "test_send" });
    const event = await sim.gateway.sendChatIntegrationEvent({
      sourceId: phoneAt(4101),
      destinationId: destination,
      channel: "sms",
      event: { type: "MESSAGE", contentType: "text/plain", content: "Hello?" },
    });
    expect(event.newChatCreated).toBe(true);
    await recordContact(db(), { ...common, contactId: event.initialContactId!, customerPhone: phoneAt(4101), origin: "chat_event" });

    starter();
    const rows = await allStreamed([started.contactId, event.initialContactId!]);
    expect(rows.map((r) => r.topic)).toEqual([TOPIC_ARN, TOPIC_ARN]);
  });
});

describe("with no topic", () => {
  it("calls nothing for instances an admin turned off, nor against AWS where nothing is set", async () => {
    await db()
      .insert(settings)
      .values({ key: CHAT_STREAMING_SETTING, value: { topics: { [fixtures.instance.id]: "", [fixtures.otherInstance.id]: "" } } });
    const [sent] = await sendCampaign(db(), sim, 4150, 1);
    const before = await counters();
    starter();
    await roundsAfter(5);
    expect(rounds.every((r) => r.claimed === 0)).toBe(true);
    expect((await counters()).streamingCalls).toBe(before.streamingCalls);
    await Promise.all(running.splice(0).map((r) => r.stop()));

    await db().delete(settings).where(eq(settings.key, CHAT_STREAMING_SETTING));
    const listed = (await counters()).listInstances;
    starter({ mode: "aws" });
    await roundsAfter(5);
    // Against AWS there is no default topic, so not even the instances are asked for.
    expect(await counters()).toMatchObject({ streamingCalls: before.streamingCalls, listInstances: listed });
    expect(await streamOf(sent!.contact.contactId)).toMatchObject({ status: null, streamingId: null, attempts: 0 });
  });
});

describe("a failed call", () => {
  it("is retried with the same ClientToken when Connect's answer was lost, and gets the stream Connect started", async () => {
    const sent = await sendCampaign(db(), sim, 4200, 2);
    const ids = sent.map((s) => s.contact.contactId);
    const ledgerBefore = await ledger(db(), sent[0]!.recipient.campaignId);
    await sim.setConfig({ faults: { LostResponse: 1 } });
    starter();
    const lost = await allStreamed(ids, "pending").then(() =>
      waitFor("both attempts recorded as failed", async () => {
        const rows = await Promise.all(ids.map(streamOf));
        return rows.every((r) => r.attempts === 1 && r.error !== null) ? rows : undefined;
      }),
    );
    expect(lost[0]!.error).toMatch(/^Amazon Connect could not be reached/);
    // Connect did start both streams; the console has not heard their ids.
    const open = await simStreams();
    expect(open.map((s) => s.contactId).sort()).toEqual([...ids].sort());

    const before = await counters();
    await sim.setConfig({ faults: {} });
    const rows = await allStreamed(ids);
    expect(rows.map((r) => r.streamingId)).toEqual(ids.map((id) => open.find((s) => s.contactId === id)!.streamingId));
    expect(rows.map((r) => r.attempts)).toEqual([2, 2]);
    // Both retries were answered from the first calls' tokens, and no second stream was started.
    expect((await counters()).replays - before.replays).toBe(2);
    expect(await simStreams()).toHaveLength(2);
    expect(await ledger(db(), sent[0]!.recipient.campaignId)).toEqual(ledgerBefore);
  });

  it("is tried again after a server error until it goes through, and given up when its attempts run out", async () => {
    const [first] = await sendCampaign(db(), sim, 4250, 1);
    const retried = first!.contact.contactId;
    const ledgerBefore = await ledger(db(), first!.recipient.campaignId);
    await sim.setConfig({ faults: { InternalServiceException: 1 } });
    const s = starter({}, { maxAttempts: 3 });
    const failing = await waitFor("two failed attempts", async () => {
      const row = await streamOf(retried);
      return row.attempts === 2 && row.error !== null ? row : undefined;
    });
    expect(failing).toMatchObject({ status: "pending", streamingId: null, error: expect.stringMatching(/^Amazon Connect answered InternalServiceException/) });
    await sim.setConfig({ faults: {} });
    expect((await allStreamed([retried]))[0]).toMatchObject({ attempts: 3, error: null, streamingId: expect.any(String) });
    await s.stop();

    const [second] = await sendCampaign(db(), sim, 4260, 1);
    const givenUp = second!.contact.contactId;
    await sim.setConfig({ faults: { InternalServiceException: 1 } });
    starter({}, { maxAttempts: 2 });
    const [failed] = await allStreamed([givenUp], "failed");
    expect(failed).toMatchObject({ attempts: 2, streamingId: null, error: expect.stringMatching(/^Amazon Connect answered InternalServiceException/) });
    expect(lines).toContain(`gave up streaming contact ${givenUp} after 2 attempt(s): ${failed!.error}`);
    const calls = (await counters()).streamingCalls;
    await roundsAfter(5);
    expect((await counters()).streamingCalls).toBe(calls);
    expect(await ledger(db(), first!.recipient.campaignId)).toEqual(ledgerBefore);
  });

  it("is final when the chat has already ended, or Connect does not know the contact", async () => {
    const [sent] = await sendCampaign(db(), sim, 4300, 1);
    const ended = sent!.contact.contactId;
    // Ended in Connect; the console has not noticed yet (no reconciliation or stream read here).
    await sim.gateway.stopContact(fixtures.instance.id, ended);
    await recordContact(db(), {
      contactId: "not-known-to-connect",
      instanceId: fixtures.instance.id,
      channel: "sms",
      customerPhone: phoneAt(4301),
      origin: "test_send",
      createdBy: "admin@example.com",
    });
    starter();
    const [endedRow, unknownRow] = await allStreamed([ended, "not-known-to-connect"], "failed");
    expect(endedRow).toMatchObject({ attempts: 1, streamingId: null, error: expect.stringMatching(/InvalidRequestException: Contact .* has ended/) });
    expect(unknownRow).toMatchObject({ attempts: 1, error: expect.stringMatching(/ResourceNotFoundException/) });
    const calls = (await counters()).streamingCalls;
    await roundsAfter(5);
    expect((await counters()).streamingCalls).toBe(calls);
  });
});

describe("while Connect is away", () => {
  it("backs off round after round, leaves the contact untried, and stops at once during a pause", async () => {
    const [sent] = await sendCampaign(db(), sim, 4400, 1);
    const away = createConnectGateway({ mode: "local", endpoint: "http://127.0.0.1:9", region: catalog.region, maxAttempts: 1 });
    const s = starter({ gateway: away });
    await waitFor("two failed rounds", async () => lines.length >= 2, 10_000);
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(/^round failed: .*; next round in 1 s$/),
      expect.stringMatching(/^round failed: .*; next round in 2 s$/),
    ]);
    const stopping = Date.now();
    await s.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
    expect(await streamOf(sent!.contact.contactId)).toMatchObject({ status: null, attempts: 0 });
  });
});

describe("the starter the console and workers start", () => {
  it("runs once per process however often the boot code starts it, and not in local mode without a simulator", async () => {
    const e = loadEnv({ NODE_ENV: "test", CONNECT_MODE: "local" });
    expect(startStreamStarterFromEnv(db(), e, undefined, () => {})).toBeUndefined();
    const first = startStreamStarterFromEnv(db(), e, h.server.url, () => {})!;
    expect(first).toBeDefined();
    running.push(first);
    expect(startStreamStarterFromEnv(db(), e, h.server.url, () => {})).toBeUndefined();
    const [sent] = await sendCampaign(db(), sim, 4350, 1);
    await allStreamed([sent!.contact.contactId]);
    await first.stop();
    const again = startStreamStarterFromEnv(db(), e, h.server.url, () => {});
    expect(again).toBeDefined();
    await again!.stop();
  });
});

describe("verdicts", () => {
  const error = (kind: ConnectErrorInfo["kind"], name: string): ConnectErrorInfo => ({ kind, name, message: "m", httpStatus: 400 });
  const o = { maxAttempts: 5, retryBaseMs: 60_000 };

  it("count throttling and refusals every call meets against no contact, and stop the round", () => {
    expect(verdictOf(error("throttled", "ThrottlingException"), 1, o, 4_000)).toEqual({
      failure: { kind: "not-counted", error: expect.any(String), retryInMs: 4_000 },
      stopsRound: true,
    });
    expect(verdictOf(error("systemic", "AccessDeniedException"), 3, o, 1_000).failure.kind).toBe("not-counted");
  });

  it("wait three times longer after each counted attempt, and give up after the last", () => {
    const waits = [1, 2, 3, 4, 5].map((attempt) => verdictOf(error("transient", "InternalServiceException"), attempt, o, 0).failure.retryInMs);
    expect(waits).toEqual([60_000, 180_000, 540_000, 1_620_000, null]);
  });

  it("derive the ClientToken from the contact and the topic alone", () => {
    expect(streamClientToken("c-1", TOPIC_ARN)).toBe(streamClientToken("c-1", TOPIC_ARN));
    expect(streamClientToken("c-1", TOPIC_ARN)).not.toBe(streamClientToken("c-2", TOPIC_ARN));
    expect(streamClientToken("c-1", TOPIC_ARN)).not.toBe(streamClientToken("c-1", `arn:aws:sns:${catalog.region}:${catalog.accountId}:other`));
    expect(streamClientToken("c-1", TOPIC_ARN).length).toBeLessThanOrEqual(500);
  });
});
