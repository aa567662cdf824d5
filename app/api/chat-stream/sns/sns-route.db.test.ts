// The chat-stream endpoint over a real database and local Connect: the simulator subscribes the route (served by a
// small HTTP server here) to its chat-stream topic, the route confirms the subscription, and streamed chat items
// posted by the simulator land on the console's contact once, even when a delivery is repeated. In aws mode the
// simulator's certificate is refused.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { campaignNumberDestination, contactRow, recipientRow, sendCampaign, simOf } from "@/lib/chat-stream/chat-stream-test-kit";
import { applyDueReplies } from "@/lib/chat-stream/pending-replies";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { EVENT, TOPIC_ARN, customerEvent, startStreaming } from "@/lib/connect-local/streaming-test-kit";
import { harnessForFile } from "@/lib/connect-local/test-harness";
import { chatStreamItems, inboundRejections } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; mode: "local" | "aws"; simUrl?: string } = { mode: "local" };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("@/lib/runtime/current", () => ({
  getDb: async () => state.db!.db,
  getRuntime: async () => ({ env: { CONNECT_MODE: state.mode }, connectEndpoint: state.simUrl }),
}));

const { POST } = await import("./route");

const h = harnessForFile();
let sim: Sim;
let destination: string;
let server: http.Server;
let endpoint: string;

interface Exchange {
  type: string;
  body: string;
  status: number;
  answer: Record<string, unknown>;
}
let exchanges: Exchange[] = [];
/** What the simulator is told, whatever the route answered: a lost answer makes SNS deliver again. */
let toSimulator: (e: Exchange) => number = (e) => e.status;

const db = () => state.db!.db;
const post = (body: string, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://console.test/api/chat-stream/sns", { method: "POST", headers: { "content-type": "text/plain; charset=UTF-8", ...headers }, body }),
    {},
  );

beforeAll(async () => {
  state.db = await createTestDb();
  sim = simOf(h);
  state.simUrl = h.server.url;
  useGatewayForProcess(sim.gateway);
  destination = await campaignNumberDestination(sim.gateway);
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const answer = await post(body, { "x-amz-sns-message-type": String(req.headers["x-amz-sns-message-type"]) });
      const exchange = {
        type: String(req.headers["x-amz-sns-message-type"]),
        body,
        status: answer.status,
        answer: (await answer.json()) as Record<string, unknown>,
      };
      exchanges.push(exchange);
      res.writeHead(toSimulator(exchange)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat-stream/sns`;
});
beforeEach(() => {
  exchanges = [];
  toSimulator = (e) => e.status;
  state.mode = "local";
});
afterAll(async () => {
  useGatewayForProcess(undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await state.db?.close();
});

async function subscribe(): Promise<string> {
  const res = await h.raw("POST", "/_local/streaming/subscriptions", {
    topicArn: TOPIC_ARN,
    endpoint,
    signatureVersion: "2",
    deliveryPolicy: { numRetries: 3, minDelaySeconds: 0.1, maxDelaySeconds: 0.5 },
  });
  expect(res.status).toBe(200);
  return res.body.subscriptionArn as string;
}

async function endpointState(arn: string) {
  const topics = (await h.raw("GET", "/_local/streaming")).body.topics as { endpoints: { arn: string; status: string; delivered: number }[] }[];
  return topics.flatMap((t) => t.endpoints).find((e) => e.arn === arn);
}

describe("POST /api/chat-stream/sns", () => {
  it("confirms the simulator's subscription by visiting its SubscribeURL", async () => {
    const arn = await subscribe();
    await waitFor("the subscription to be confirmed", async () => (await endpointState(arn))?.status === "Confirmed");
    expect(exchanges).toEqual([
      { type: "SubscriptionConfirmation", body: expect.any(String), status: 200, answer: { status: "confirmed", topicArn: TOPIC_ARN } },
    ]);
  });

  it("stores a streamed receipt once and marks the contact, even when SNS delivers it twice", async () => {
    const arn = await subscribe();
    await waitFor("the subscription to be confirmed", async () => (await endpointState(arn))?.status === "Confirmed");
    const [sent] = await sendCampaign(db(), sim, 4100);
    const { contact, recipient } = sent!;
    await startStreaming(h, contact.contactId);
    await waitFor("the chat's opening items", async () => exchanges.filter((e) => e.type === "Notification").length === 2);

    // The console stores and applies the receipt, but SNS never hears so: it delivers the same message again.
    let lost = false;
    toSimulator = (e) => {
      if (e.type !== "Notification" || lost || !e.body.includes("message.delivered")) return e.status;
      lost = true;
      return 500;
    };
    await customerEvent(
      h,
      { Type: "EVENT", ContentType: `${EVENT}.message.delivered`, Content: JSON.stringify({ messageId: "m-1" }) },
      { SourceId: recipient.phone!, DestinationId: destination },
    );
    const receipts = await waitFor("the receipt delivered twice", async () => {
      const found = exchanges.filter((e) => e.body.includes("message.delivered"));
      return found.length === 2 ? found : undefined;
    });
    expect(receipts.map((e) => [e.status, e.answer.status])).toEqual([
      [200, "applied"],
      [200, "repeated"],
    ]);
    expect(JSON.parse(receipts[0]!.body).MessageId).toBe(JSON.parse(receipts[1]!.body).MessageId);

    const items = await db().select().from(chatStreamItems).where(eq(chatStreamItems.contactId, contact.contactId));
    expect(items.map((i) => [i.type, i.contentType.replace(`${EVENT}.`, ""), i.effect])).toEqual([
      ["EVENT", "participant.joined", null],
      ["MESSAGE", "text/plain", null],
      ["EVENT", "message.delivered", "delivered"],
    ]);
    const deliveredAt = items[2]!.absoluteTime;
    expect(await contactRow(db(), contact.contactId)).toMatchObject({ deliveredAt });
    expect(await recipientRow(db(), recipient.id)).toMatchObject({ deliveredAt });
    await waitFor("the retry to be answered", async () => (await endpointState(arn))?.delivered === 4);
  });

  it("refuses, in aws mode, the simulator's certificate, and in any mode a changed Message, keeping why without the body", async () => {
    const arn = await subscribe();
    await waitFor("the subscription to be confirmed", async () => (await endpointState(arn))?.status === "Confirmed");
    const [sent] = await sendCampaign(db(), sim, 4200);
    await startStreaming(h, sent!.contact.contactId);
    const [first] = await waitFor("a notification", async () => {
      const found = exchanges.filter((e) => e.type === "Notification");
      return found.length > 0 ? found : undefined;
    });
    const envelope = JSON.parse(first!.body) as Record<string, string>;
    const before = await db().select().from(inboundRejections).where(isNull(inboundRejections.integrationId));

    const forged = { ...envelope, Message: envelope.Message!.replace("CUSTOMER", "AGENT") };
    const refused = await post(JSON.stringify(forged), { "x-amz-sns-message-type": "Notification" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "bad signature" } });

    const mislabelled = await post(first!.body, { "x-amz-sns-message-type": "SubscriptionConfirmation" });
    expect(mislabelled.status).toBe(400);

    state.mode = "aws";
    const fromLocal = await post(first!.body, { "x-amz-sns-message-type": "Notification" });
    expect(fromLocal.status).toBe(403);
    expect((await fromLocal.json()).error.message).toBe("bad certificate host: SigningCertURL is not https");

    const kept = await db().select().from(inboundRejections).where(isNull(inboundRejections.integrationId));
    expect(kept.slice(before.length).map((r) => [r.reason, r.bodyExcerpt])).toEqual([
      ["chat stream: bad signature", null],
      ["chat stream: x-amz-sns-message-type does not match the body's Type", null],
      ["chat stream: bad certificate host: SigningCertURL is not https", null],
    ]);
  });

  it("keeps a customer message at once, and counts it as a reply once the console's own record of it would be written", async () => {
    const arn = await subscribe();
    await waitFor("the subscription to be confirmed", async () => (await endpointState(arn))?.status === "Confirmed");
    const [sent] = await sendCampaign(db(), sim, 4300);
    const { contact, recipient } = sent!;
    await startStreaming(h, contact.contactId);
    await customerEvent(h, { Type: "MESSAGE", ContentType: "text/plain", Content: "Yes please" }, { SourceId: recipient.phone!, DestinationId: destination });
    const [delivery] = await waitFor("the reply's delivery", async () => {
      const found = exchanges.filter((e) => e.body.includes("Yes please"));
      return found.length > 0 ? found : undefined;
    });
    expect(delivery!.status).toBe(200);
    const [stored] = await db()
      .select()
      .from(chatStreamItems)
      .where(and(eq(chatStreamItems.initialContactId, contact.contactId), eq(chatStreamItems.content, "Yes please")));
    expect(stored!.effect).toBe("reply_pending");
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(0);

    expect(await applyDueReplies(db(), { nowMs: stored!.publishedAt!.getTime() + 15_000 })).toBe(1);
    expect((await recipientRow(db(), recipient.id)).replyCount).toBe(1);
  });

  it("answers a body that is not JSON 400", async () => {
    const notJson = await post("hello", { "x-amz-sns-message-type": "Notification" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toBe("the body is not JSON");
  });
});
