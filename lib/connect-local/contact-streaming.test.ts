// StartContactStreaming and StopContactStreaming through the real SDK (contract-streaming.md S.1, S.2).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  InvalidParameterException,
  InvalidRequestException,
  LimitExceededException,
  ResourceNotFoundException,
  StartContactStreamingCommand,
  StopContactCommand,
  StopContactStreamingCommand,
  type StartContactStreamingCommandInput,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { EVENT, TOPIC_ARN, contentTypes, customerEvent, queueUrl, receiveAll, startOutbound, startStreaming, streamedChat } from "./streaming-test-kit";
import { catalog, fixtures, harnessForFile, startHarness } from "./test-harness";

const h = harnessForFile();

const start = (input: Partial<StartContactStreamingCommandInput>) =>
  h.connect.send(new StartContactStreamingCommand(input as StartContactStreamingCommandInput));
const stop = (ContactId: string, StreamingId: string) =>
  h.connect.send(new StopContactStreamingCommand({ InstanceId: fixtures.instance.id, ContactId, StreamingId }));
const topicArn = (name: string, region = catalog.region) => `arn:aws:sns:${region}:${catalog.accountId}:${name}`;

async function addTopic(name: string): Promise<string> {
  const response = await h.raw("POST", "/_local/streaming/topics", { name });
  expect(response.status).toBe(200);
  return response.body.arn as string;
}

describe("StartContactStreaming", () => {
  it.each([
    ["no InstanceId", { InstanceId: undefined }, InvalidRequestException, /InstanceId is required/],
    ["no ContactId", { ContactId: undefined }, InvalidRequestException, /ContactId is required/],
    ["no streaming configuration", { ChatStreamingConfiguration: undefined }, InvalidRequestException, /ChatStreamingConfiguration is required/],
    [
      "an endpoint over 350 characters",
      { ChatStreamingConfiguration: { StreamingEndpointArn: topicArn("t".repeat(320)) } },
      InvalidRequestException,
      /between 1 and 350/,
    ],
    ["a token over 500 characters", { ClientToken: "x".repeat(501) }, InvalidRequestException, /ClientToken must be at most 500/],
    [
      "an SQS queue for a topic",
      { ChatStreamingConfiguration: { StreamingEndpointArn: `arn:aws:sqs:${catalog.region}:${catalog.accountId}:q` } },
      InvalidParameterException,
      /not an Amazon SNS topic ARN/,
    ],
    [
      "a FIFO topic",
      { ChatStreamingConfiguration: { StreamingEndpointArn: topicArn("chat-stream.fifo") } },
      InvalidParameterException,
      /standard SNS topics only/,
    ],
    [
      "a topic in another Region",
      { ChatStreamingConfiguration: { StreamingEndpointArn: topicArn("chat-stream", "eu-west-1") } },
      InvalidParameterException,
      /instance's Region/,
    ],
    ["an unknown instance", { InstanceId: "00000000-0000-4000-8000-000000000000" }, ResourceNotFoundException, /Instance .* not found/],
    ["a contact of another instance", { InstanceId: fixtures.otherInstance.id }, ResourceNotFoundException, /Contact .* not found/],
    [
      "a topic local Connect does not have",
      { ChatStreamingConfiguration: { StreamingEndpointArn: topicArn("no-such-topic") } },
      ResourceNotFoundException,
      /does not exist/,
    ],
  ])("refuses %s", async (_, overrides, errorClass, message) => {
    const contactId = await startOutbound(h);
    const input = { InstanceId: fixtures.instance.id, ContactId: contactId, ChatStreamingConfiguration: { StreamingEndpointArn: TOPIC_ARN }, ...overrides };
    const error = await start(input).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as Error).message).toMatch(message);
    expect((await h.raw("GET", "/_local/streaming")).body.streams).toEqual([]);
  });

  it("refuses an unknown contact, and a chat that has ended", async () => {
    await expect(startStreaming(h, "no-such-contact")).rejects.toBeInstanceOf(ResourceNotFoundException);
    const contactId = await startOutbound(h);
    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: contactId }));
    await expect(startStreaming(h, contactId)).rejects.toThrow(InvalidRequestException);
  });

  it("returns the first StreamingId for a retried ClientToken, and publishes the opening once", async () => {
    const contactId = await startOutbound(h);
    const first = await startStreaming(h, contactId, TOPIC_ARN, "retry-me");
    // Same token, even naming another topic: the retry changes nothing.
    const other = await addTopic("other-stream");
    expect(await startStreaming(h, contactId, other, "retry-me")).toBe(first);
    // The SDK fills a fresh token when left out; the same topic still gets no second stream.
    expect(await startStreaming(h, contactId)).toBe(first);
    expect(contentTypes(await receiveAll(h, await queueUrl(h)))).toEqual([`${EVENT}.participant.joined`, "text/plain"]);
    const { streams } = (await h.raw("GET", "/_local/streaming")).body as { streams: unknown[] };
    expect(streams).toEqual([{ streamingId: first, contactId, instanceId: fixtures.instance.id, topicArn: TOPIC_ARN }]);
  });

  it("keeps its answer when the response was lost, so the SDK's retry gets the same stream", async () => {
    const contactId = await startOutbound(h);
    await h.setConfig({ faults: { LostResponse: 1 } });
    await expect(startStreaming(h, contactId, TOPIC_ARN, "lost-once")).rejects.toThrow();
    await h.setConfig({ faults: {} });
    const retried = await startStreaming(h, contactId, TOPIC_ARN, "lost-once");
    expect((await h.raw("GET", "/_local/streaming")).body.streams).toEqual([expect.objectContaining({ streamingId: retried })]);
  });

  it("streams a contact to at most two topics; stopping one frees its place", async () => {
    const contactId = await startOutbound(h);
    const [second, third] = [await addTopic("second-stream"), await addTopic("third-stream")];
    const first = await startStreaming(h, contactId);
    await startStreaming(h, contactId, second);
    const refused = await startStreaming(h, contactId, third).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(LimitExceededException);
    expect((refused as Error).message).toMatch(/already streams to 2 SNS topics/);
    await stop(contactId, first);
    expect(await startStreaming(h, contactId, third)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("StopContactStreaming", () => {
  it("refuses a stream that is not the contact's and bad members", async () => {
    const { contactId } = await streamedChat(h);
    const other = await startOutbound(h, { DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+15555550178" } });
    const streamingId = await startStreaming(h, other);
    await expect(stop(contactId, streamingId)).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(stop(contactId, "no-such-stream")).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(stop(contactId, "s".repeat(101))).rejects.toBeInstanceOf(InvalidRequestException);
    await expect(stop("no-such-contact", streamingId)).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("stops publication, and stopping again or after the chat ended succeeds", async () => {
    const { contactId, streamingId } = await streamedChat(h);
    await stop(contactId, streamingId);
    await customerEvent(h, { Type: "MESSAGE", ContentType: "text/plain", Content: "after the stop" });
    await stop(contactId, streamingId);
    await h.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: contactId }));
    await stop(contactId, streamingId);
    expect(contentTypes(await receiveAll(h, await queueUrl(h)))).toEqual([`${EVENT}.participant.joined`, "text/plain"]);
    expect((await h.raw("GET", "/_local/streaming")).body.streams).toEqual([]);
  });
});

describe("streams across a restart", () => {
  it("keep their tokens and carry on with only what happens next", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "connect-local-stream-"));
    try {
      const first = await startHarness({ dataDir });
      const contactId = await startOutbound(first);
      const streamingId = await startStreaming(first, contactId, TOPIC_ARN, "kept-token");
      await first.close();

      const second = await startHarness({ dataDir });
      try {
        expect(await startStreaming(second, contactId, TOPIC_ARN, "kept-token")).toBe(streamingId);
        await customerEvent(second, { Type: "MESSAGE", ContentType: "text/plain", Content: "after the restart" });
        await second.connect.send(new StopContactCommand({ InstanceId: fixtures.instance.id, ContactId: contactId }));
        const types = contentTypes(await receiveAll(second, await queueUrl(second)));
        expect(types).toEqual(["text/plain", `${EVENT}.participant.left`, `${EVENT}.chat.ended`]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
