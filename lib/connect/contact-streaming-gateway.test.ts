// ConnectGateway.startContactStreaming against local Connect: a chat's items reach the topic's queue, a retry with the
// same ClientToken gets the same StreamingId, and each refusal is classified as the gateway classifies others.
import { beforeAll, describe, expect, it } from "vitest";
import { queueUrl, receiveAll, itemOf, TOPIC_ARN } from "../connect-local/streaming-test-kit";
import { catalog, fixtures, harnessForFile } from "../connect-local/test-harness";
import { classifyConnectError } from "./classify-error";
import { createConnectGateway, type ConnectGateway } from "./gateway";

const h = harnessForFile();
let gateway: ConnectGateway;
beforeAll(() => {
  gateway = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1 });
});

async function chat(): Promise<string> {
  const { contactId } = await gateway.startOutboundChat({
    instanceId: fixtures.instance.id,
    contactFlowId: fixtures.smsFlow.id,
    sourcePhoneNumberArn: fixtures.dualNumber.arn,
    destinationPhoneNumber: "+15555550123",
    channel: "sms",
    clientToken: `chat-${Math.random()}`,
    initialSystemMessage: "Your parcel arrives today",
  });
  return contactId;
}

const streaming = (contactId: string, overrides: Partial<Parameters<ConnectGateway["startContactStreaming"]>[0]> = {}) =>
  gateway.startContactStreaming({ instanceId: fixtures.instance.id, contactId, streamingEndpointArn: TOPIC_ARN, clientToken: `s-${contactId}`, ...overrides });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (err: unknown) => classifyConnectError(err),
  );

const replays = async () => ((await h.raw("GET", "/_local/state")).body.counters as { idempotentReplays: number }).idempotentReplays;

describe("startContactStreaming", () => {
  it("streams the chat to the topic's queue and answers a retry with the same token with the same StreamingId", async () => {
    const contactId = await chat();
    const first = await streaming(contactId);
    expect(first.streamingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.requestId).toBeTruthy();

    const before = await replays();
    expect((await streaming(contactId)).streamingId).toBe(first.streamingId);
    expect(await replays()).toBe(before + 1);

    const items = (await receiveAll(h, await queueUrl(h))).map(itemOf);
    expect(items.map((i) => [i.ContactId, i.ParticipantRole, i.Content ?? null])).toEqual([
      [contactId, "CUSTOMER", null],
      [contactId, "SYSTEM", "Your parcel arrives today"],
    ]);
  });

  it("classifies an ended chat and a malformed request as permanent for the contact", async () => {
    const contactId = await chat();
    await gateway.stopContact(fixtures.instance.id, contactId);
    expect(await failure(streaming(contactId))).toMatchObject({
      kind: "permanent-for-this-recipient",
      name: "InvalidRequestException",
      httpStatus: 400,
      message: expect.stringContaining("has ended"),
    });
    const fifo = TOPIC_ARN.replace("chat-stream", "chat-stream.fifo");
    expect(await failure(streaming(await chat(), { streamingEndpointArn: fifo }))).toMatchObject({
      kind: "permanent-for-this-recipient",
      name: "InvalidParameterException",
    });
  });

  it("classifies an unknown contact or topic as ResourceNotFound, throttling as throttled and server errors as transient", async () => {
    expect(await failure(streaming("no-such-contact"))).toMatchObject({ name: "ResourceNotFoundException", httpStatus: 404 });
    const missingTopic = TOPIC_ARN.replace("chat-stream", "nobody-made-this");
    expect(await failure(streaming(await chat(), { streamingEndpointArn: missingTopic }))).toMatchObject({ name: "ResourceNotFoundException" });

    const contactId = await chat();
    await h.setConfig({ faults: { ThrottlingException: 1 } });
    expect(await failure(streaming(contactId))).toMatchObject({ kind: "throttled", httpStatus: 429 });
    await h.setConfig({ faults: { InternalServiceException: 1 } });
    expect(await failure(streaming(contactId))).toMatchObject({ kind: "transient", httpStatus: 500 });
  });
});
