// The chat stream's consumer against local Connect: campaigns sent through the real dispatcher, their chats streamed
// to the simulator's SNS topic and read from its SQS queue with @aws-sdk/client-sqs, stored and applied to the
// console's contacts, ledger and suppression list.
import { ChangeMessageVisibilityCommand, SQSClient, type Message } from "@aws-sdk/client-sqs";
import { StopContactCommand } from "@aws-sdk/client-connect";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkContact } from "@/lib/contacts/reconcile";
import { EVENT, TOPIC_ARN, customerEvent, envelopeOf, itemOf, queueUrl, receiveAll, startStreaming } from "@/lib/connect-local/streaming-test-kit";
import { catalog, fixtures, harnessForFile } from "@/lib/connect-local/test-harness";
import { auditLog, chatEvents, chatStreamItems, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { loadEnv } from "@/lib/env-schema";
import { insertIntegration, message, signed, testKey } from "@/lib/inbound/inbound-test-kit";
import { receiveInbound } from "@/lib/inbound/receive";
import { createTestDb } from "@/lib/testing/test-db";
import { campaignNumberDestination, contactRow, drained, queueCounts, recipientRow, sendCampaign, simOf, startQueueEndpoint } from "./chat-stream-test-kit";
import { startChatStreamFromEnv } from "./consumer-env";
import { startChatStreamConsumer, type BatchResult, type ChatStreamConsumer, type ChatStreamConsumerConfig } from "./consumer";
import { parseBody } from "./notification";
import { applyDueReplies } from "./pending-replies";
import { storeStreamedItem } from "./store";

const h = harnessForFile();
let handle: DatabaseHandle;
let sim: Sim;
let destination: string;
const running: ChatStreamConsumer[] = [];
let batches: BatchResult[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  sim = simOf(h);
  destination = await campaignNumberDestination(sim.gateway);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
  batches = [];
});
afterAll(async () => {
  await handle?.close();
});

const db = () => handle.db;

function consume(overrides: Partial<ChatStreamConsumerConfig> = {}): ChatStreamConsumer {
  const consumer = startChatStreamConsumer({
    db: db(),
    sqs: h.sqs,
    queue: { name: "chat-stream" },
    // Long enough for the console's own record of a message to commit, short enough for a test.
    replyGraceMs: 1_000,
    log: () => {},
    onBatch: (result) => batches.push(result),
    ...overrides,
  });
  running.push(consumer);
  return consumer;
}

const total = (key: keyof BatchResult) => batches.reduce((sum, b) => sum + b[key], 0);
/** What the reply sweep does once the grace is over: applies the customer messages stored meanwhile. */
const settleReplies = () => applyDueReplies(db(), { replyGraceMs: 0 });
const text = (Content: string) => ({ Type: "MESSAGE", ContentType: "text/plain", Content }) as const;
const receipt = (kind: "delivered" | "read", messageId: string) =>
  ({ Type: "EVENT", ContentType: `${EVENT}.message.${kind}`, Content: JSON.stringify({ messageId }) }) as const;
/** The customer's side of the campaign's chat, sent straight to Connect (not through the console). */
const fromCustomer = (phone: string, event: Parameters<typeof customerEvent>[1]) => customerEvent(h, event, { SourceId: phone, DestinationId: destination });
const short = (contentType: string) => contentType.replace(`${EVENT}.`, "");

function itemsOf(contactId: string) {
  return db()
    .select()
    .from(chatStreamItems)
    .where(eq(chatStreamItems.initialContactId, contactId))
    .orderBy(asc(chatStreamItems.absoluteTime), asc(chatStreamItems.id));
}

async function streamedCampaign(first: number) {
  const [sent] = await sendCampaign(db(), sim, first);
  await startStreaming(h, sent!.contact.contactId);
  return { ...sent!, phone: sent!.recipient.phone! };
}

describe("delivered and read receipts", () => {
  it("mark the campaign's contact and recipient with the first time each was reported", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3000);
    consume();
    await fromCustomer(phone, receipt("delivered", "m-1"));
    await h.advanceClock(90);
    await fromCustomer(phone, receipt("read", "m-1"));
    await h.advanceClock(30);
    await fromCustomer(phone, receipt("delivered", "m-1"));
    await drained(h.sqs, await queueUrl(h));

    const items = await itemsOf(contact.contactId);
    expect(items.map((i) => [i.type, short(i.contentType), i.participantRole, i.effect])).toEqual([
      ["EVENT", "participant.joined", "CUSTOMER", null],
      ["MESSAGE", "text/plain", "SYSTEM", null],
      ["EVENT", "message.delivered", "CUSTOMER", "delivered"],
      ["EVENT", "message.read", "CUSTOMER", "read"],
      ["EVENT", "message.delivered", "CUSTOMER", "delivered"],
    ]);
    expect(items[1]!.content).toBe(`Hello R0`);
    const [deliveredAt, readAt] = [items[2]!.absoluteTime, items[3]!.absoluteTime];
    expect(readAt.getTime() - deliveredAt.getTime()).toBeGreaterThanOrEqual(90_000);
    expect(await contactRow(db(), contact.contactId)).toMatchObject({ deliveredAt, readAt, state: "open" });
    expect(await recipientRow(db(), recipient.id)).toMatchObject({ deliveredAt, readAt, replyCount: 0 });
  });

  it("count a read message as delivered when no delivered receipt came", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3050);
    consume();
    await fromCustomer(phone, receipt("read", "m-1"));
    await drained(h.sqs, await queueUrl(h));
    const readAt = (await itemsOf(contact.contactId)).at(-1)!.absoluteTime;
    expect(await contactRow(db(), contact.contactId)).toMatchObject({ deliveredAt: readAt, readAt });
    expect(await recipientRow(db(), recipient.id)).toMatchObject({ deliveredAt: readAt, readAt });
  });
});

describe("exactly once", () => {
  it("applies a notification SQS delivers again only once", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3100);
    await fromCustomer(phone, text("Is it tomorrow?"));
    const url = await queueUrl(h);
    const messages = await receiveAll(h, url);
    // A consumer stored and applied the reply, then stopped before it could delete the message.
    const reply = messages.find((m) => itemOf(m).Type === "MESSAGE" && itemOf(m).ParticipantRole === "CUSTOMER")!;
    const parsed = parseBody(reply.Body);
    if (!parsed.ok) throw new Error(parsed.reason);
    await storeStreamedItem(db(), parsed.notification, new Date(Number(reply.Attributes!.SentTimestamp)), { replyGraceMs: 0 });
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(1);
    await makeVisible(url, messages);

    consume();
    await drained(h.sqs, url);
    expect(total("repeated")).toBe(1);
    expect(total("applied")).toBe(2);
    expect(await itemsOf(contact.contactId)).toHaveLength(3);
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(1);
  });

  it("keeps a chat item streamed to two topics once", async () => {
    const second = (await h.raw("POST", "/_local/streaming/topics", { name: "audit-stream" })).body.arn as string;
    await h.raw("POST", "/_local/streaming/queues", { name: "chat-stream", topicArns: [second] });
    const { recipient, contact, phone } = await streamedCampaign(3150);
    await startStreaming(h, contact.contactId, second);
    consume();
    await fromCustomer(phone, text("Got it"));
    await drained(h.sqs, await queueUrl(h));
    expect([total("applied"), total("pendingReplies"), total("repeated")]).toEqual([2, 1, 3]);
    await settleReplies();
    const items = await itemsOf(contact.contactId);
    expect(items.map((i) => i.topicArn)).toEqual([TOPIC_ARN, TOPIC_ARN, TOPIC_ARN]);
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(1);
  });
});

describe("customer messages", () => {
  it("count as replies to the campaign, and STOP and START change the suppression list with an audit entry", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3200);
    consume();
    await fromCustomer(phone, text("Thanks, see you then"));
    await fromCustomer(phone, text("stop"));
    await drained(h.sqs, await queueUrl(h));
    await settleReplies();

    expect(await recipientRow(db(), recipient.id)).toMatchObject({ replyCount: 2, repliedAt: expect.any(Date) });
    const [suppressed] = await db().select().from(suppressions).where(eq(suppressions.phone, phone));
    expect(suppressed).toMatchObject({ source: "opt-out", reason: "Replied STOP via chat stream", createdBy: "chat-stream" });
    const stop = (await itemsOf(contact.contactId)).find((i) => i.content === "stop")!;
    expect(stop.effect).toBe("reply");
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "suppression.opted_out"), eq(auditLog.targetId, phone)));
    expect(audit).toMatchObject({ actorEmail: "chat-stream", actorId: null, requestId: `sns:${stop.messageId}` });

    await fromCustomer(phone, text("START"));
    await drained(h.sqs, await queueUrl(h));
    await settleReplies();
    expect(await db().select().from(suppressions).where(eq(suppressions.phone, phone))).toEqual([]);
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(3);
  });

  it("are not counted again when the console already recorded them from its inbound bridge", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3300);
    // Reading while the bridge forwards, as in production: the streamed copy arrives before the bridge has recorded it.
    consume();
    const { integration, secret } = await insertIntegration(db(), sim, { name: "Carrier" });
    const req = signed(secret, message(phone, "Yes please"));
    const forwarded = await receiveInbound(
      { db: db(), key: testKey, gateway: async () => sim.gateway },
      { integrationId: integration.id, headers: req.headers, readBody: async () => req.body, ip: "198.51.100.1", nowMs: Date.now() },
    );
    expect(forwarded.body).toMatchObject({ status: "forwarded", contactId: contact.contactId });
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(1);
    // The same words again, straight to Connect this time: a reply the console has not seen.
    await fromCustomer(phone, text("Yes please"));
    await drained(h.sqs, await queueUrl(h));
    await settleReplies();

    const replies = (await itemsOf(contact.contactId)).filter((i) => i.type === "MESSAGE" && i.participantRole === "CUSTOMER");
    expect(replies.map((i) => [i.content, i.effect])).toEqual([
      ["Yes please", "reply_recorded"],
      ["Yes please", "reply"],
    ]);
    const [bridged] = await db().select().from(chatEvents).where(eq(chatEvents.contactId, contact.contactId));
    expect(replies[0]!.matchedChatEventId).toBe(bridged!.id);
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(2);
  });

  it("are in the chat's record at once, and count as replies only once the console's own record would be written", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3350);
    consume();
    await fromCustomer(phone, text("Can I come at 11?"));
    await drained(h.sqs, await queueUrl(h));
    const [stored] = (await itemsOf(contact.contactId)).filter((i) => i.participantRole === "CUSTOMER" && i.type === "MESSAGE");
    expect(stored).toMatchObject({ content: "Can I come at 11?", effect: "reply_pending", publishedAt: expect.any(Date) });
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(0);
    // Not yet due: the sweep leaves it.
    expect(await applyDueReplies(db(), { replyGraceMs: 60_000 })).toBe(0);
    expect(await applyDueReplies(db(), { nowMs: stored!.publishedAt!.getTime() + 15_000 })).toBe(1);
    expect((await itemsOf(contact.contactId)).find((i) => i.id === stored!.id)!.effect).toBe("reply");
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(1);
    expect(await settleReplies()).toBe(0);
  });
});

describe("the end of a chat", () => {
  it("ends the contact when the customer leaves, at the moment Connect ended the chat", async () => {
    const { contact, phone } = await streamedCampaign(3400);
    consume();
    await h.advanceClock(45);
    await fromCustomer(phone, { Type: "DISCONNECT" });
    await drained(h.sqs, await queueUrl(h));
    const items = await itemsOf(contact.contactId);
    expect(items.slice(-2).map((i) => [short(i.contentType), i.effect])).toEqual([
      ["participant.left", "ended"],
      ["chat.ended", "ended"],
    ]);
    expect(await contactRow(db(), contact.contactId)).toMatchObject({ state: "ended", disconnectedAt: items.at(-1)!.absoluteTime, disconnectReason: null });
  });

  it("leaves an end reconciliation already recorded as it was", async () => {
    const { contact } = await streamedCampaign(3500);
    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: contact.contactId }));
    expect(await checkContact(db(), sim.gateway, (await contactRow(db(), contact.contactId))!)).toBe("ended");
    const reconciled = await contactRow(db(), contact.contactId);
    expect(reconciled).toMatchObject({ state: "ended", disconnectReason: "API" });
    consume();
    await drained(h.sqs, await queueUrl(h));
    expect((await itemsOf(contact.contactId)).at(-1)!.effect).toBe("ended");
    expect(await contactRow(db(), contact.contactId)).toEqual(reconciled);
  });
});

describe("bodies that are not a streamed chat item", () => {
  it("are logged without their content, deleted, and do not hold up the items after them", async () => {
    const { recipient, contact, phone } = await streamedCampaign(3600);
    await fromCustomer(phone, receipt("delivered", "m-1"));
    const genuine = await receiveAll(h, await queueUrl(h));
    const envelope = envelopeOf(genuine[0]!);
    const item = JSON.parse(envelope.Message) as Record<string, unknown>;
    const secret = "my account number is 12345678";

    const endpoint = await startQueueEndpoint();
    const sqs = new SQSClient({ endpoint: endpoint.url, region: catalog.region, credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((line: unknown) => void warnings.push(String(line)));
    try {
      for (const body of [
        `customer said: ${secret}`,
        JSON.stringify({ ...item, Content: secret }),
        JSON.stringify({ ...envelope, Type: "SubscriptionConfirmation", SubscribeURL: "https://sns.example/confirm" }),
        JSON.stringify({ ...envelope, Message: `{"Content":"${secret}"` }),
        JSON.stringify({ ...envelope, Message: JSON.stringify({ ...item, AbsoluteTime: undefined, Content: secret }) }),
        ...genuine.map((m) => m.Body!),
      ]) {
        endpoint.queue.send(body);
      }
      consume({ sqs, queue: { url: endpoint.queueUrl } });
      await drained(sqs, endpoint.queueUrl);
    } finally {
      warn.mockRestore();
      sqs.destroy();
      await endpoint.close();
    }

    expect(total("rejected")).toBe(5);
    expect(total("applied")).toBe(genuine.length);
    const rejections = warnings.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.event === "chat_stream_rejected");
    expect(rejections.map((r) => r.reason)).toEqual([
      "the body is not a JSON object",
      "a chat item without its SNS envelope: turn raw message delivery off on the queue's subscription",
      "an SNS SubscriptionConfirmation message, not a Notification (confirm a subscription in SNS itself)",
      "Message is not a JSON object",
      expect.stringMatching(/^Message\.AbsoluteTime: /),
    ]);
    expect(warnings.join("\n")).not.toContain("12345678");
    expect(warnings.join("\n")).not.toContain(phone);
    expect((await contactRow(db(), contact.contactId))!.deliveredAt).toEqual((await itemsOf(contact.contactId)).at(-1)!.absoluteTime);
    expect((await recipientRow(db(), recipient.id)).deliveredAt).not.toBeNull();
  });
});

describe("the consumer's loop", () => {
  it("stops at once while it waits on an empty queue, and deletes nothing after", async () => {
    const controller = new AbortController();
    const consumer = consume({ signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    controller.abort();
    await consumer.stop();
    expect(Date.now() - started).toBeLessThan(1_000);

    const { contact, phone } = await streamedCampaign(3700);
    await fromCustomer(phone, receipt("delivered", "m-1"));
    // The abandoned long poll may still have taken some (as SQS may for a caller gone mid-poll): they stay on the queue
    // and are visible again after their visibility timeout.
    const { visible, inFlight } = await queueCounts(h.sqs, await queueUrl(h));
    expect(visible + inFlight).toBe(3);
    expect(await itemsOf(contact.contactId)).toEqual([]);
  });

  it("backs off while the queue cannot be read, and stops during the pause", async () => {
    const lines: string[] = [];
    const consumer = consume({ queue: { name: "no-such-queue" }, log: (line) => lines.push(line) });
    await waitFor("two failed reads", async () => lines.length >= 2, 10_000);
    expect(lines[0]).toMatch(/^reading the queue failed: QueueDoesNotExist.*; trying again in 1 s$/);
    expect(lines[1]).toMatch(/trying again in 2 s$/);
    const started = Date.now();
    await consumer.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("the consumer the console and workers start", () => {
  it("reads local Connect's chat-stream queue unless told otherwise, and only one runs in a process", async () => {
    const lines: string[] = [];
    const e = loadEnv({ NODE_ENV: "test", CONNECT_MODE: "local" });
    const consumer = startChatStreamFromEnv(db(), e, h.server.url, (line) => lines.push(line))!;
    expect(consumer).toBeDefined();
    try {
      expect(startChatStreamFromEnv(db(), e, h.server.url, () => {})).toBeUndefined();
      expect(lines).toEqual([`reading chat streams from queue chat-stream at ${h.server.url}`]);
      const { contact, phone } = await streamedCampaign(3800);
      await fromCustomer(phone, receipt("delivered", "m-1"));
      await drained(h.sqs, await queueUrl(h));
      expect((await contactRow(db(), contact.contactId))!.deliveredAt).not.toBeNull();
    } finally {
      await consumer.stop();
    }
    const again = startChatStreamFromEnv(db(), e, h.server.url, () => {});
    expect(again).toBeDefined();
    await again!.stop();
    expect(startChatStreamFromEnv(db(), loadEnv({ NODE_ENV: "test", CHAT_STREAM_QUEUE_URL: "off" }), h.server.url, () => {})).toBeUndefined();
  });
});

async function makeVisible(url: string, messages: Message[]): Promise<void> {
  for (const m of messages) await h.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }));
}
