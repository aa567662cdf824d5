// The SQS endpoint through @aws-sdk/client-sqs, unchanged but for its endpoint (contract-streaming.md S.6).
import {
  BatchEntryIdsNotDistinct,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  EmptyBatchRequest,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  InvalidAttributeName,
  InvalidBatchEntryId,
  MessageNotInflight,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  SQSServiceException,
  TooManyEntriesInBatchRequest,
  UnsupportedOperation,
  type ReceiveMessageCommandInput,
} from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { EVENT, customerEvent, itemOf, queueUrl, receiveAll, streamedChat } from "./streaming-test-kit";
import { catalog, harnessForFile, startHarness } from "./test-harness";

const h = harnessForFile();

const receive = (QueueUrl: string, input: Partial<ReceiveMessageCommandInput> = {}) =>
  h.sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ["All"], ...input }));
const counts = async (QueueUrl: string) => {
  const { Attributes } = await h.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }),
  );
  return [Number(Attributes?.ApproximateNumberOfMessages), Number(Attributes?.ApproximateNumberOfMessagesNotVisible)];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A streamed chat's two opening notifications, waiting on the default queue. */
async function twoMessages() {
  await streamedChat(h);
  return queueUrl(h);
}

describe("the SQS endpoint", () => {
  it("hands each message out once until its visibility timeout, then again with a new receipt handle", async () => {
    const url = await twoMessages();
    const first = await receive(url, { VisibilityTimeout: 1 });
    expect(first.Messages).toHaveLength(2);
    expect(first.Messages![0]!.Attributes).toMatchObject({ ApproximateReceiveCount: "1" });
    expect(Number(first.Messages![0]!.Attributes!.SentTimestamp)).toBeLessThanOrEqual(Date.now());
    expect((await receive(url)).Messages).toBeUndefined();
    expect(await counts(url)).toEqual([0, 2]);

    await sleep(1100);
    const again = await receive(url);
    expect(again.Messages?.map((m) => m.MessageId)).toEqual(first.Messages!.map((m) => m.MessageId));
    expect(again.Messages![0]!.Attributes).toMatchObject({
      ApproximateReceiveCount: "2",
      ApproximateFirstReceiveTimestamp: first.Messages![0]!.Attributes!.ApproximateFirstReceiveTimestamp,
    });
    expect(again.Messages![0]!.ReceiptHandle).not.toBe(first.Messages![0]!.ReceiptHandle);

    // The handle from the first receive is no longer the newest: the delete succeeds and removes nothing.
    await h.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.Messages![0]!.ReceiptHandle }));
    expect(await counts(url)).toEqual([0, 2]);
    await h.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: again.Messages![0]!.ReceiptHandle }));
    await h.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: again.Messages![0]!.ReceiptHandle }));
    expect(await counts(url)).toEqual([0, 1]);
    await expect(h.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: "made-up" }))).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);
  });

  it("returns only the attributes asked for, and none unless asked", async () => {
    const url = await twoMessages();
    const { Messages } = await h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ["ApproximateReceiveCount"] }));
    expect(Messages).toHaveLength(1);
    expect(Messages![0]!.Attributes).toEqual({ ApproximateReceiveCount: "1" });
    const plain = await h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(plain.Messages![0]!.Attributes).toBeUndefined();
  });

  it("deletes in batches, reporting each entry that failed", async () => {
    const url = await twoMessages();
    const { Messages } = await receive(url);
    const Entries = [
      { Id: "first", ReceiptHandle: Messages![0]!.ReceiptHandle },
      { Id: "second", ReceiptHandle: Messages![1]!.ReceiptHandle },
      { Id: "bogus", ReceiptHandle: "not-a-handle" },
    ];
    const result = await h.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries }));
    expect(result.Successful?.map((entry) => entry.Id)).toEqual(["first", "second"]);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: "bogus", SenderFault: true, Code: "ReceiptHandleIsInvalid" })]);
    expect(await counts(url)).toEqual([0, 0]);
  });

  it.each([
    ["no entries", [], EmptyBatchRequest],
    ["eleven entries", Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, ReceiptHandle: "h" })), TooManyEntriesInBatchRequest],
    [
      "a repeated id",
      [
        { Id: "same", ReceiptHandle: "a" },
        { Id: "same", ReceiptHandle: "b" },
      ],
      BatchEntryIdsNotDistinct,
    ],
    ["an id with a space", [{ Id: "not valid", ReceiptHandle: "a" }], InvalidBatchEntryId],
  ])("refuses a batch with %s", async (_, Entries, errorClass) => {
    const url = await queueUrl(h);
    await expect(h.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries }))).rejects.toBeInstanceOf(errorClass);
  });

  it("changes a message's visibility while it is in flight", async () => {
    const url = await twoMessages();
    const { Messages } = await receive(url, { MaxNumberOfMessages: 1 });
    const handle = Messages![0]!.ReceiptHandle!;
    const change = (VisibilityTimeout: number, ReceiptHandle = handle) =>
      h.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle, VisibilityTimeout }));

    const tooLong = await change(43_201).catch((err: unknown) => err);
    expect(tooLong).toBeInstanceOf(SQSServiceException);
    expect(tooLong).toMatchObject({ name: "InvalidParameterValue", $metadata: { httpStatusCode: 400 } });
    await expect(change(30, "made-up")).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);

    await change(0);
    expect(await counts(url)).toEqual([2, 0]);
    await expect(change(30)).rejects.toBeInstanceOf(MessageNotInflight);
    const again = await receive(url, { MaxNumberOfMessages: 1 });
    expect(again.Messages![0]!.Attributes?.ApproximateReceiveCount).toBe("2");
  });

  it("holds a long poll until a message is published, then answers at once", async () => {
    const { contactId } = await streamedChat(h);
    const url = await queueUrl(h);
    await receiveAll(h, url);
    const started = Date.now();
    const polling = receive(url, { WaitTimeSeconds: 10 });
    await sleep(300);
    await customerEvent(h, { Type: "MESSAGE", ContentType: "text/plain", Content: "are you there?" });
    const { Messages } = await polling;
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5000);
    expect(Messages?.map(itemOf).map((item) => [item.ContactId, item.Content])).toEqual([[contactId, "are you there?"]]);
  });

  it("answers a long poll when an in-flight message comes back, or empty when the wait ends", async () => {
    const url = await twoMessages();
    await receive(url, { VisibilityTimeout: 1 });
    const started = Date.now();
    const { Messages } = await receive(url, { WaitTimeSeconds: 5 });
    expect(Messages).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(4000);

    await receive(url, { VisibilityTimeout: 60 });
    const emptyStarted = Date.now();
    expect((await receive(url, { WaitTimeSeconds: 1 })).Messages).toBeUndefined();
    expect(Date.now() - emptyStarted).toBeGreaterThanOrEqual(950);
  });

  it("reports its attributes and refuses names it does not know", async () => {
    const url = await queueUrl(h);
    const { Attributes } = await h.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }));
    expect(Attributes).toMatchObject({
      ApproximateNumberOfMessages: "0",
      VisibilityTimeout: "30",
      ReceiveMessageWaitTimeSeconds: "0",
      QueueArn: `arn:aws:sqs:${catalog.region}:${catalog.accountId}:chat-stream`,
    });
    const none = await h.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url }));
    expect(none.Attributes).toBeUndefined();
    await expect(h.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["Colour" as "All"] }))).rejects.toBeInstanceOf(
      InvalidAttributeName,
    );
  });

  it.each([
    ["MaxNumberOfMessages", { MaxNumberOfMessages: 11 }, /Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10/],
    ["MaxNumberOfMessages", { MaxNumberOfMessages: 0 }, /between 1 and 10/],
    ["WaitTimeSeconds", { WaitTimeSeconds: 21 }, /between 0 and 20/],
    ["VisibilityTimeout", { VisibilityTimeout: 43_201 }, /between 0 and 43200/],
  ])("refuses a ReceiveMessage %s out of range", async (_, input, message) => {
    const error = await receive(await queueUrl(h), input).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: "InvalidParameterValue", message: expect.stringMatching(message) });
  });

  it("knows only its own queues", async () => {
    await expect(h.sqs.send(new GetQueueUrlCommand({ QueueName: "missing" }))).rejects.toBeInstanceOf(QueueDoesNotExist);
    await expect(h.sqs.send(new GetQueueUrlCommand({ QueueName: "chat-stream", QueueOwnerAWSAccountId: "999999999999" }))).rejects.toBeInstanceOf(
      QueueDoesNotExist,
    );
    const elsewhere = (await queueUrl(h)).replace(catalog.accountId, "999999999999");
    await expect(receive(elsewhere)).rejects.toBeInstanceOf(QueueDoesNotExist);
    await expect(h.sqs.send(new SendMessageCommand({ QueueUrl: await queueUrl(h), MessageBody: "x" }))).rejects.toBeInstanceOf(UnsupportedOperation);
  });

  it("serves queues added through the admin route, reached through their URL's host alone", async () => {
    const added = await h.raw("POST", "/_local/streaming/queues", {
      name: "console-inbox",
      topicArns: [`arn:aws:sns:${catalog.region}:${catalog.accountId}:chat-stream`],
    });
    expect(added.status).toBe(200);
    const refused = await h.raw("POST", "/_local/streaming/queues", {
      name: "orphan",
      topicArns: [`arn:aws:sns:${catalog.region}:${catalog.accountId}:missing`],
    });
    expect(refused.status).toBe(404);
    const listed = (await h.raw("GET", "/_local/streaming")).body as { queues: { name: string; url: string }[] };
    const inbox = listed.queues.find((queue) => queue.name === "console-inbox")!;
    await streamedChat(h);
    // No endpoint: the SDK sends each request to the QueueUrl's own host.
    const client = new SQSClient({ region: catalog.region, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
    try {
      const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: inbox.url, MaxNumberOfMessages: 10 }));
      expect(Messages?.map(itemOf).map((item) => item.ContentType)).toEqual([`${EVENT}.participant.joined`, "text/plain"]);
    } finally {
      client.destroy();
    }
  });
});

describe("closing the simulator", () => {
  it("answers a waiting long poll instead of holding the close", async () => {
    const own = await startHarness();
    const url = await queueUrl(own);
    const polling = own.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 })).catch((err: unknown) => err);
    await sleep(200);
    const started = Date.now();
    await own.close();
    await polling;
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
