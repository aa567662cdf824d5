// Local Connect's HTTP/S subscriptions: the confirmation round trip, notifications POSTed as SNS posts them (headers,
// envelope, SignatureVersion 1 or 2 verifiable with the certificate at SigningCertURL), retries, order per chat, and
// the UnsubscribeConfirmation.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { X509Certificate, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringToSign, type SignedFields } from "./sns-signature";
import { EVENT, TOPIC_ARN, customerEvent, streamedChat, type Item } from "./streaming-test-kit";
import { harnessForFile } from "./test-harness";

const h = harnessForFile();

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, string> & SignedFields;
}

/** An endpoint that keeps what it was sent; `answer` picks each response's status. */
let received: Received[] = [];
let answer: (r: Received) => number = () => 200;
let endpoint: string;
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Received["body"] };
      received.push(r);
      res.writeHead(answer(r)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sns`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const fast = { numRetries: 3, minDelaySeconds: 0.05, maxDelaySeconds: 0.2 };

async function subscribe(body: Record<string, unknown> = {}) {
  received = [];
  answer = () => 200;
  const res = await h.raw("POST", "/_local/streaming/subscriptions", { topicArn: TOPIC_ARN, endpoint, deliveryPolicy: fast, ...body });
  expect(res.status).toBe(200);
  const confirmation = await until("the confirmation", () => received.find((r) => r.body.Type === "SubscriptionConfirmation"));
  return { arn: res.body.subscriptionArn as string, confirmation };
}

async function confirmed(body: Record<string, unknown> = {}) {
  const s = await subscribe(body);
  const res = await fetch(s.confirmation.body.SubscribeURL!);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ SubscriptionArn: s.arn });
  received = [];
  return s;
}

async function verifies(r: Received): Promise<boolean> {
  const pem = await (await fetch(r.body.SigningCertURL!)).text();
  const cert = new X509Certificate(pem);
  const digest = r.body.SignatureVersion === "2" ? "sha256" : "sha1";
  return verify(digest, Buffer.from(stringToSign(r.body), "utf8"), cert.publicKey, Buffer.from(r.body.Signature!, "base64"));
}

const items = () => received.filter((r) => r.body.Type === "Notification").map((r) => JSON.parse(r.body.Message) as Item);

describe("an HTTP/S subscription", () => {
  it("is sent a signed SubscriptionConfirmation, gets nothing until its SubscribeURL is visited, and a wrong token confirms nothing", async () => {
    const { arn, confirmation } = await subscribe();
    expect(confirmation.headers).toMatchObject({
      "x-amz-sns-message-type": "SubscriptionConfirmation",
      "x-amz-sns-message-id": confirmation.body.MessageId,
      "x-amz-sns-topic-arn": TOPIC_ARN,
      "content-type": "text/plain; charset=UTF-8",
      "user-agent": "Amazon Simple Notification Service Agent",
    });
    expect(confirmation.headers["x-amz-sns-subscription-arn"]).toBeUndefined();
    expect(confirmation.body).toMatchObject({ TopicArn: TOPIC_ARN, SignatureVersion: "1", Token: expect.stringMatching(/^[0-9a-f]{128}$/) });
    expect(confirmation.body.SubscribeURL).toBe(
      `${h.server.url}/_local/sns/confirm?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC_ARN)}&Token=${confirmation.body.Token}`,
    );
    expect(await verifies(confirmation)).toBe(true);

    await streamedChat(h);
    const pending = (await h.raw("GET", "/_local/streaming")).body.topics as { arn: string; endpoints: { arn: string; status: string }[] }[];
    expect(pending.find((t) => t.arn === TOPIC_ARN)!.endpoints).toEqual([expect.objectContaining({ arn, status: "PendingConfirmation" })]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.filter((r) => r.body.Type === "Notification")).toEqual([]);

    const wrong = await h.raw("GET", `/_local/sns/confirm?TopicArn=${encodeURIComponent(TOPIC_ARN)}&Token=nope`);
    expect(wrong.status).toBe(400);
  });

  it("once confirmed, receives every item of a streamed chat in order, as SNS posts a notification, signed with version 1", async () => {
    const { arn } = await confirmed();
    const { contactId } = await streamedChat(h);
    await customerEvent(h, { Type: "MESSAGE", ContentType: "text/plain", Content: "Hi there" });
    await until("three notifications", () => (items().length === 3 ? true : undefined));
    const [first] = received;
    expect(first!.headers).toMatchObject({
      "x-amz-sns-message-type": "Notification",
      "x-amz-sns-message-id": first!.body.MessageId,
      "x-amz-sns-topic-arn": TOPIC_ARN,
      "x-amz-sns-subscription-arn": arn,
      "content-type": "text/plain; charset=UTF-8",
    });
    expect(first!.body).toMatchObject({
      Type: "Notification",
      TopicArn: TOPIC_ARN,
      SignatureVersion: "1",
      SigningCertURL: `${h.server.url}/_local/sns/signing-key.pem`,
      UnsubscribeURL: `${h.server.url}/_local/sns/unsubscribe?SubscriptionArn=${encodeURIComponent(arn)}`,
      MessageAttributes: expect.objectContaining({ ContactId: { Type: "String", Value: contactId } }),
    });
    expect(Math.abs(Date.parse(first!.body.Timestamp) - Date.now())).toBeLessThan(10_000);
    expect(items().map((i) => [i.ContentType, i.Content])).toEqual([
      [`${EVENT}.participant.joined`, undefined],
      ["text/plain", expect.any(String)],
      ["text/plain", "Hi there"],
    ]);
    for (const r of received) expect(await verifies(r)).toBe(true);
    const tampered = { ...first!, body: { ...first!.body, Message: first!.body.Message.replace("CUSTOMER", "AGENT") } };
    expect(await verifies(tampered)).toBe(false);
  });

  it("signs with SHA256withRSA when its SignatureVersion is 2, confirmation included", async () => {
    const { confirmation } = await subscribe({ signatureVersion: "2" });
    expect(confirmation.body.SignatureVersion).toBe("2");
    expect(await verifies(confirmation)).toBe(true);
    expect(await verifies({ ...confirmation, body: { ...confirmation.body, SignatureVersion: "1" } })).toBe(false);
    await fetch(confirmation.body.SubscribeURL!);
    received = [];
    await streamedChat(h);
    await until("two notifications", () => (items().length === 2 ? true : undefined));
    expect(received.map((r) => r.body.SignatureVersion)).toEqual(["2", "2"]);
    for (const r of received) expect(await verifies(r)).toBe(true);
  });

  it("tries a failed delivery again with the same MessageId, holding back the chat's later items meanwhile", async () => {
    await confirmed();
    let failures = 2;
    answer = (r) => (r.body.Type === "Notification" && failures-- > 0 ? 503 : 200);
    await streamedChat(h);
    await until("the delivered items", () => (received.filter((r) => r.body.Type === "Notification").length === 4 ? true : undefined));
    const ids = received.map((r) => r.body.MessageId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[1]).toBe(ids[2]);
    expect(ids[3]).not.toBe(ids[0]);
    expect(items().map((i) => i.ContentType)).toEqual([
      `${EVENT}.participant.joined`,
      `${EVENT}.participant.joined`,
      `${EVENT}.participant.joined`,
      "text/plain",
    ]);
    const view = (await h.raw("GET", "/_local/streaming")).body.topics as { arn: string; endpoints: Record<string, unknown>[] }[];
    expect(view.find((t) => t.arn === TOPIC_ARN)!.endpoints[0]).toMatchObject({ delivered: 3, failedAttempts: 2, dropped: 0 }); // the confirmation and two items
  });

  it("gives a message up after its retries, and takes a 4xx answer as final", async () => {
    await confirmed({ deliveryPolicy: { numRetries: 1, minDelaySeconds: 0.05, maxDelaySeconds: 0.05 } });
    answer = (r) => (JSON.parse(r.body.Message).Type === "EVENT" ? 500 : 403);
    await streamedChat(h);
    await until("all attempts", () => (received.length === 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(3);
    const view = (await h.raw("GET", "/_local/streaming")).body.topics as { arn: string; endpoints: Record<string, unknown>[] }[];
    expect(view.find((t) => t.arn === TOPIC_ARN)!.endpoints[0]).toMatchObject({ delivered: 1, failedAttempts: 3, dropped: 2 }); // delivered: the confirmation
  });

  it("is sent a signed UnsubscribeConfirmation when its UnsubscribeURL is visited, and nothing after", async () => {
    const { arn } = await confirmed();
    expect((await h.raw("GET", `/_local/sns/unsubscribe?SubscriptionArn=${encodeURIComponent(arn)}`)).status).toBe(200);
    const bye = await until("the unsubscribe confirmation", () => received.find((r) => r.body.Type === "UnsubscribeConfirmation"));
    expect(bye.headers["x-amz-sns-subscription-arn"]).toBe(arn);
    expect(await verifies(bye)).toBe(true);
    await streamedChat(h);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(items()).toEqual([]);
  });

  it("refuses an unknown topic, an endpoint that is not an http(s) URL, and a policy out of range", async () => {
    expect((await h.raw("POST", "/_local/streaming/subscriptions", { topicArn: `${TOPIC_ARN}-x`, endpoint })).status).toBe(404);
    for (const body of [
      { topicArn: TOPIC_ARN, endpoint: "ftp://example.com/x" },
      { topicArn: TOPIC_ARN, endpoint: "not a url" },
      { topicArn: TOPIC_ARN, endpoint, signatureVersion: "3" },
      { topicArn: TOPIC_ARN, endpoint, deliveryPolicy: { minDelaySeconds: 30, maxDelaySeconds: 20 } },
    ]) {
      const res = await h.raw("POST", "/_local/streaming/subscriptions", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
