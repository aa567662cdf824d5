// Shared by the chat stream's database tests: campaigns sent to the local Connect of harnessForFile through the real
// draft, launch and dispatcher, the simulator's queue read as the consumer reads it, and a queue endpoint (local
// Connect's own SQS code) that tests can put any body on. Test-only; nothing in the product imports it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type { SQSClient } from "@aws-sdk/client-sqs";
import { eq } from "drizzle-orm";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import { listLocalContacts } from "@/lib/connect-local/local-listing";
import { answerSqs, sqsOperationOf } from "@/lib/connect-local/sqs-http";
import { SqsQueues, type SqsQueue } from "@/lib/connect-local/sqs-queues";
import { catalog, type Harness } from "@/lib/connect-local/test-harness";
import { campaignRecipients, contacts, type CampaignRecipient, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { startDispatcher } from "@/lib/dispatch/dispatcher";
import { launchTestCampaign, ledger, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { accountLimiterKey } from "@/lib/dispatch/options";

/** The campaign number of launchTestCampaign's SMS campaigns (seed acme-support). */
export const CAMPAIGN_NUMBER = "+12065550142";

/** The dispatch test kit's view of the harness's simulator, so its campaigns can be launched against it. */
export function simOf(h: Harness): Sim {
  const gateway = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1, requestTimeoutMs: 5_000 });
  return {
    url: h.server.url,
    gateway,
    setConfig: async (patch) => void (await h.setConfig(patch)),
    advanceClock: (seconds) => h.advanceClock(seconds),
    reset: () => h.reset(),
    contacts: () => listLocalContacts(h.server.url),
    counters: async () => (await h.raw("GET", "/_local/state")).body.counters as Awaited<ReturnType<Sim["counters"]>>,
    close: () => h.close(),
  };
}

/** The End User Messaging ARN customers' messages to the campaign number are addressed to. */
export async function campaignNumberDestination(gateway: ConnectGateway): Promise<string> {
  const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
  const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === CAMPAIGN_NUMBER)!;
  return number.sourcePhoneNumberArn!;
}

export interface SentRecipient {
  recipient: CampaignRecipient;
  contact: Contact;
}

/** An SMS campaign to `count` customers from phoneAt(first), sent by a dispatcher that is stopped once all are sent. */
export async function sendCampaign(db: Db, sim: Sim, first: number, count = 1): Promise<SentRecipient[]> {
  const campaignId = await launchTestCampaign(db, sim, { count, first, name: `Stream ${first}` });
  const dispatcher = startDispatcher({
    db,
    gateway: sim.gateway,
    workerId: `chat-stream-test-${first}`,
    log: () => {},
    options: { limiterKey: accountLimiterKey(catalog.region, "local"), accountSendsPerSecond: 1_000 },
  });
  try {
    const rows = await waitFor("the campaign's sends", async () => {
      const all = await ledger(db, campaignId);
      return all.length === count && all.every((r) => r.sendStatus === "sent") ? all : undefined;
    });
    return Promise.all(rows.map(async (recipient) => ({ recipient, contact: (await contactRow(db, recipient.contactId!))! })));
  } finally {
    await dispatcher.stop();
  }
}

export async function contactRow(db: Db, contactId: string): Promise<Contact | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.contactId, contactId));
  return row;
}

export async function recipientRow(db: Db, id: number): Promise<CampaignRecipient> {
  const [row] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.id, id));
  return row!;
}

/** Messages waiting on the queue and messages in flight (received, not yet deleted). */
export async function queueCounts(sqs: SQSClient, url: string): Promise<{ visible: number; inFlight: number }> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
  );
  return { visible: Number(Attributes?.ApproximateNumberOfMessages), inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible) };
}

/** Waits until every message on the queue has been deleted. */
export function drained(sqs: SQSClient, url: string, timeoutMs = 20_000): Promise<true> {
  return waitFor(
    "the chat-stream queue to be drained",
    async () => {
      const { visible, inFlight } = await queueCounts(sqs, url);
      return visible === 0 && inFlight === 0;
    },
    timeoutMs,
  );
}

export interface QueueEndpoint {
  url: string;
  queueUrl: string;
  queue: SqsQueue;
  close(): Promise<void>;
}

/**
 * An SQS endpoint served by local Connect's own queue code, with one queue `chat-stream` whose messages the test puts
 * there itself: bodies no topic would publish (malformed, unenveloped), which the simulator offers no way to send.
 */
export async function startQueueEndpoint(): Promise<QueueEndpoint> {
  const queues = new SqsQueues(catalog.accountId, catalog.region);
  const queue = queues.create("chat-stream");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const operation = sqsOperationOf(req) ?? "";
      const text = Buffer.concat(chunks).toString("utf8");
      void answerSqs(res, queues, { operation, body: text ? JSON.parse(text) : {}, host: req.headers.host ?? "", accountId: catalog.accountId });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    queueUrl: `${url}/${catalog.accountId}/chat-stream`,
    queue,
    close: () =>
      new Promise<void>((resolve) => {
        queues.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
