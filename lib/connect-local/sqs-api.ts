// The SQS operations a stream consumer needs, in the AWS JSON 1.0 protocol @aws-sdk/client-sqs speaks
// (contract-streaming.md S.6). Errors carry the query-compatible code the SDK reads first, then the JSON shape name.
import { MAX_VISIBILITY_TIMEOUT_SECONDS, type SqsQueue, type SqsQueues } from "./sqs-queues";
import { isObject, type JsonObject } from "./validator";

export class SqsError extends Error {
  constructor(
    /** Shape name in the SQS model; its query code is looked up below. */
    readonly shape: string,
    readonly status: number,
    message: string,
    readonly queryCode = QUERY_CODES[shape] ?? shape,
  ) {
    super(message);
  }
}

const QUERY_CODES: Record<string, string> = {
  QueueDoesNotExist: "AWS.SimpleQueueService.NonExistentQueue",
  MessageNotInflight: "AWS.SimpleQueueService.MessageNotInflight",
  EmptyBatchRequest: "AWS.SimpleQueueService.EmptyBatchRequest",
  TooManyEntriesInBatchRequest: "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
  BatchEntryIdsNotDistinct: "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
  InvalidBatchEntryId: "AWS.SimpleQueueService.InvalidBatchEntryId",
  UnsupportedOperation: "AWS.SimpleQueueService.UnsupportedOperation",
};

const invalidValue = (member: string, value: unknown, reason: string) =>
  new SqsError(
    "InvalidParameterValue",
    400,
    `Value ${typeof value === "object" ? JSON.stringify(value) : String(value)} for parameter ${member} is invalid. Reason: ${reason}`,
  );

// SNS is the sender of every message here; real SQS reports SNS's own principal id.
const SNS_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";
const MESSAGE_ATTRIBUTES = ["SenderId", "SentTimestamp", "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp"];
const QUEUE_ATTRIBUTES = [
  "ApproximateNumberOfMessages",
  "ApproximateNumberOfMessagesNotVisible",
  "ApproximateNumberOfMessagesDelayed",
  "VisibilityTimeout",
  "ReceiveMessageWaitTimeSeconds",
  "MessageRetentionPeriod",
  "DelaySeconds",
  "QueueArn",
  "CreatedTimestamp",
  "LastModifiedTimestamp",
];
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
const MAX_WAIT_SECONDS = 20;

export interface SqsRequest {
  operation: string;
  body: unknown;
  /** Host the request came to; queue URLs are built on it. */
  host: string;
  accountId: string;
}

type Handler = (queues: SqsQueues, input: JsonObject, request: SqsRequest) => unknown;

const HANDLERS: Record<string, Handler> = {
  GetQueueUrl: (queues, input, { host, accountId }) => {
    const name = requiredString(input, "QueueName");
    const owner = optionalString(input, "QueueOwnerAWSAccountId");
    if ((owner !== undefined && owner !== accountId) || !queues.find(name)) throw queueDoesNotExist();
    return { QueueUrl: `http://${host}/${accountId}/${name}` };
  },
  GetQueueAttributes: (queues, input, request) => {
    const queue = requireQueue(queues, input, request);
    const names = stringList(input, "AttributeNames");
    const unknown = names.find((name) => name !== "All" && !QUEUE_ATTRIBUTES.includes(name));
    if (unknown) throw new SqsError("InvalidAttributeName", 400, `Unknown Attribute ${unknown}.`);
    const { visible, inFlight } = queue.counts();
    const all: Record<string, string> = {
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: "0",
      VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
      ReceiveMessageWaitTimeSeconds: String(queue.receiveWaitTimeSeconds),
      MessageRetentionPeriod: "345600",
      DelaySeconds: "0",
      QueueArn: queue.arn,
      CreatedTimestamp: String(Math.floor(queue.createdAtMs / 1000)),
      LastModifiedTimestamp: String(Math.floor(queue.createdAtMs / 1000)),
    };
    const wanted = names.includes("All") ? Object.keys(all) : names;
    return wanted.length === 0 ? {} : { Attributes: Object.fromEntries(wanted.map((name) => [name, all[name]!])) };
  },
  DeleteMessage: (queues, input, request) => {
    const queue = requireQueue(queues, input, request);
    deleteByHandle(queue, requiredString(input, "ReceiptHandle"));
    return {};
  },
  DeleteMessageBatch: (queues, input, request) => {
    const queue = requireQueue(queues, input, request);
    const entries = batchEntries(input);
    const Successful: { Id: string }[] = [];
    const Failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
    for (const entry of entries) {
      try {
        deleteByHandle(queue, requiredString(entry, "ReceiptHandle"));
        Successful.push({ Id: entry.Id as string });
      } catch (err) {
        if (!(err instanceof SqsError)) throw err;
        Failed.push({ Id: entry.Id as string, SenderFault: true, Code: err.queryCode, Message: err.message });
      }
    }
    return { Successful, Failed };
  },
  ChangeMessageVisibility: (queues, input, request) => {
    const queue = requireQueue(queues, input, request);
    const handle = requiredString(input, "ReceiptHandle");
    const seconds = integer(input, "VisibilityTimeout", 0, MAX_VISIBILITY_TIMEOUT_SECONDS, true)!;
    const found = queue.lookup(handle);
    if (found.kind === "invalid" || found.kind === "deleted") throw receiptHandleIsInvalid(handle);
    if (found.kind === "stale" || !found.message.inFlight) throw new SqsError("MessageNotInflight", 400, "Message not inflight.");
    const total = (Date.now() - found.message.lastReceivedAtMs) / 1000 + seconds;
    if (total > MAX_VISIBILITY_TIMEOUT_SECONDS) {
      throw invalidValue(
        "VisibilityTimeout",
        seconds,
        `Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY_TIMEOUT_SECONDS} seconds]`,
      );
    }
    queue.changeVisibility(found.message.id, seconds);
    return {};
  },
};

/** ReceiveMessage is the one operation that may wait (long polling), so it is handled apart from the others. */
async function receiveMessage(queues: SqsQueues, input: JsonObject, request: SqsRequest) {
  const queue = requireQueue(queues, input, request);
  const max = integer(input, "MaxNumberOfMessages", 1, 10) ?? 1;
  const visibility = integer(input, "VisibilityTimeout", 0, MAX_VISIBILITY_TIMEOUT_SECONDS) ?? queue.visibilityTimeoutSeconds;
  const wait = integer(input, "WaitTimeSeconds", 0, MAX_WAIT_SECONDS) ?? queue.receiveWaitTimeSeconds;
  const asked = [...stringList(input, "MessageSystemAttributeNames"), ...stringList(input, "AttributeNames")];
  const attributeNames = asked.includes("All") ? MESSAGE_ATTRIBUTES : MESSAGE_ATTRIBUTES.filter((name) => asked.includes(name));

  const deadline = Date.now() + wait * 1000;
  let received = queue.receive(max, visibility);
  while (received.length === 0 && Date.now() < deadline && !queue.isClosed) {
    // Wake for a new message, for an in-flight one coming back, or at the end of the wait.
    const next = Math.min(deadline, queue.nextVisibleAtMs() ?? deadline);
    await queue.waitForChange(next - Date.now());
    received = queue.receive(max, visibility);
  }
  if (received.length === 0) return {};
  return {
    Messages: received.map((message) => {
      const values: Record<string, string> = {
        SenderId: SNS_SENDER_ID,
        SentTimestamp: String(message.sentAtMs),
        ApproximateReceiveCount: String(message.receiveCount),
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAtMs),
      };
      return {
        MessageId: message.id,
        ReceiptHandle: message.receiptHandle,
        MD5OfBody: message.md5,
        Body: message.body,
        Attributes: attributeNames.length > 0 ? Object.fromEntries(attributeNames.map((name) => [name, values[name]!])) : undefined,
      };
    }),
  };
}

export async function handleSqs(queues: SqsQueues, request: SqsRequest): Promise<unknown> {
  if (request.body !== undefined && !isObject(request.body)) throw new SqsError("InvalidParameterValue", 400, "The request body must be a JSON object");
  const input = (request.body ?? {}) as JsonObject;
  if (request.operation === "ReceiveMessage") return receiveMessage(queues, input, request);
  const handler = HANDLERS[request.operation];
  if (!handler) throw new SqsError("UnsupportedOperation", 400, `Local Connect's SQS endpoint does not serve ${request.operation}`);
  return handler(queues, input, request);
}

function deleteByHandle(queue: SqsQueue, handle: string): void {
  const found = queue.lookup(handle);
  if (found.kind === "invalid") throw receiptHandleIsInvalid(handle);
  // A handle that is no longer the newest succeeds without deleting (the message was received again since).
  if (found.kind === "current") queue.delete(found.message.id);
}

function batchEntries(input: JsonObject): JsonObject[] {
  const entries = input.Entries;
  if (entries === undefined || entries === null) throw new SqsError("MissingParameter", 400, "The request must contain the parameter Entries.");
  if (!Array.isArray(entries)) throw invalidValue("Entries", entries, "Must be a list");
  if (entries.length === 0) throw new SqsError("EmptyBatchRequest", 400, "There should be at least one DeleteMessageBatchRequestEntry in the request.");
  if (entries.length > 10)
    throw new SqsError("TooManyEntriesInBatchRequest", 400, `Maximum number of entries per request are 10. You have sent ${entries.length}.`);
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry.Id !== "string" || !BATCH_ENTRY_ID.test(entry.Id)) {
      throw new SqsError(
        "InvalidBatchEntryId",
        400,
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
      );
    }
    if (ids.has(entry.Id)) throw new SqsError("BatchEntryIdsNotDistinct", 400, `Id ${entry.Id} repeated.`);
    ids.add(entry.Id);
  }
  return entries as JsonObject[];
}

function requireQueue(queues: SqsQueues, input: JsonObject, { accountId }: SqsRequest): SqsQueue {
  const url = requiredString(input, "QueueUrl");
  let path: string[];
  try {
    path = new URL(url).pathname.split("/").filter(Boolean);
  } catch {
    throw queueDoesNotExist();
  }
  const queue = path.length === 2 && path[0] === accountId ? queues.find(decodeURIComponent(path[1]!)) : undefined;
  if (!queue) throw queueDoesNotExist();
  return queue;
}

const queueDoesNotExist = () => new SqsError("QueueDoesNotExist", 400, "The specified queue does not exist.");
const receiptHandleIsInvalid = (handle: string) =>
  new SqsError("ReceiptHandleIsInvalid", 404, `The input receipt handle "${handle}" is not a valid receipt handle.`);

function requiredString(input: JsonObject, member: string): string {
  const value = input[member];
  if (value === undefined || value === null) throw new SqsError("MissingParameter", 400, `The request must contain the parameter ${member}.`);
  if (typeof value !== "string") throw invalidValue(member, value, "Must be a string");
  return value;
}

function optionalString(input: JsonObject, member: string): string | undefined {
  return input[member] === undefined || input[member] === null ? undefined : requiredString(input, member);
}

function stringList(input: JsonObject, member: string): string[] {
  const value = input[member];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string")) throw invalidValue(member, value, "Must be a list of strings");
  return value as string[];
}

function integer(input: JsonObject, member: string, min: number, max: number, required = false): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw new SqsError("MissingParameter", 400, `The request must contain the parameter ${member}.`);
    return undefined;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidValue(member, value, `Must be between ${min} and ${max}, if provided.`);
  }
  return value;
}
