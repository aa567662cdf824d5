import "server-only";
// Reads the chat stream's SQS queue and applies each item once. Long polls (20 s, up to 10 messages), stores and applies
// each message in its own transaction, then deletes what was done in one batch. A message whose transaction failed
// (the database is away) is left in flight and comes back after its visibility timeout; the loop backs off meanwhile.
// SQS may deliver a message again even after it was handled (a delete that was lost, two consumers): storing is keyed
// by the SNS MessageId, so the repeat changes nothing and is deleted.
//
// A body that is not a chat item in an SNS notification is logged (why, and SQS's message id, never the body) and
// deleted: it will never become readable, and local Connect has no redrive policy to park it, so leaving it would
// only bring it back every 30 seconds. A customer message is stored at once and counted as a reply once past the
// reply grace (store.ts, pending-replies.ts). Nothing here touches sends: it shares only the database with the dispatcher.
//
// Stopping aborts the long poll at once. SQS may still hand that abandoned poll messages that arrive meanwhile; they
// are not lost, only invisible until their visibility timeout ends, when the next consumer gets them.
import { DeleteMessageBatchCommand, GetQueueUrlCommand, ReceiveMessageCommand, type Message, type SQSClient } from "@aws-sdk/client-sqs";
import { longerBackoff } from "@/lib/background/backoff";
import { wakeableSleep } from "@/lib/background/wakeable-sleep";
import type { Db } from "@/lib/db/types";
import { errorSummary } from "@/lib/errors";
import { logEvent } from "@/lib/log/event";
import { parseBody, type ChatStreamNotification } from "./notification";
import { REPLY_GRACE_MS } from "./reply-grace";
import { storeStreamedItem } from "./store";

export type QueueRef = { url: string } | { name: string };

export interface ChatStreamConsumerConfig {
  db: Db;
  sqs: SQSClient;
  queue: QueueRef;
  /** Stops the consumer as stop() does. */
  signal?: AbortSignal;
  waitTimeSeconds?: number;
  visibilityTimeoutSeconds?: number;
  replyGraceMs?: number;
  log?: (line: string) => void;
  /** After each batch: what happened to its messages. */
  onBatch?: (result: BatchResult) => void;
}

export interface BatchResult {
  received: number;
  /** Stored and applied now. */
  applied: number;
  /** Stored before (a redelivery, or the same item from another topic): deleted, nothing changed. */
  repeated: number;
  rejected: number;
  /** Customer messages stored now and counted as replies once past the grace period. */
  pendingReplies: number;
  /** Left in flight for a later attempt. */
  failed: number;
}

export interface ChatStreamConsumer {
  /** Ends the wait in progress, finishes the message being applied, and resolves once nothing more is done. */
  stop(): Promise<void>;
}

interface Received {
  message: Message;
  notification: ChatStreamNotification;
  publishedAt: Date;
}

function publishedAt(message: Message): Date | null {
  const sent = Number(message.Attributes?.SentTimestamp);
  return Number.isFinite(sent) && sent > 0 ? new Date(sent) : null;
}

export function startChatStreamConsumer(config: ChatStreamConsumerConfig): ChatStreamConsumer {
  const log = config.log ?? ((line: string) => console.log(`[chat-stream] ${line}`));
  const graceMs = config.replyGraceMs ?? REPLY_GRACE_MS;
  const stopping = new AbortController();
  const signal = config.signal ? AbortSignal.any([config.signal, stopping.signal]) : stopping.signal;
  const { sleep, wake } = wakeableSleep();
  signal.addEventListener("abort", wake, { once: true });

  async function queueUrl(): Promise<string> {
    if ("url" in config.queue) return config.queue.url;
    const { QueueUrl } = await config.sqs.send(new GetQueueUrlCommand({ QueueName: config.queue.name }), { abortSignal: signal });
    if (!QueueUrl) throw new Error(`GetQueueUrl answered no URL for queue ${config.queue.name}`);
    return QueueUrl;
  }

  async function handle(url: string, messages: Message[]): Promise<BatchResult> {
    const result: BatchResult = { received: messages.length, applied: 0, repeated: 0, rejected: 0, pendingReplies: 0, failed: 0 };
    const done: Message[] = [];
    const readable: Received[] = [];
    for (const message of messages) {
      const parsed = parseBody(message.Body);
      if (parsed.ok) {
        readable.push({ message, notification: parsed.notification, publishedAt: publishedAt(message) ?? new Date() });
        continue;
      }
      result.rejected += 1;
      done.push(message);
      logEvent({ level: "warn", event: "chat_stream_rejected", sqsMessageId: message.MessageId, bytes: message.Body?.length ?? 0, reason: parsed.reason });
    }
    // Queues promise best-effort order only; within a batch the chat's own order decides (a STOP, then a START).
    readable.sort((a, b) => a.notification.item.absoluteTime.getTime() - b.notification.item.absoluteTime.getTime());
    for (const r of readable) {
      try {
        const outcome = await storeStreamedItem(config.db, r.notification, r.publishedAt, { replyGraceMs: graceMs });
        result[!outcome.stored ? "repeated" : outcome.effect === "reply_pending" ? "pendingReplies" : "applied"] += 1;
        done.push(r.message);
      } catch (err) {
        result.failed += 1;
        log(`could not store SNS message ${r.notification.messageId}: ${errorSummary(err)}; it comes back after its visibility timeout`);
      }
    }
    result.failed += await remove(url, done);
    return result;
  }

  /** Deletes handled messages; how many could not be (they come back, and are then recognised as handled). */
  async function remove(url: string, messages: Message[]): Promise<number> {
    if (messages.length === 0) return 0;
    try {
      const entries = messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle }));
      const { Failed } = await config.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      for (const f of Failed ?? []) log(`could not delete message ${messages[Number(f.Id)]?.MessageId}: ${f.Code} ${f.Message ?? ""}`.trim());
      return Failed?.length ?? 0;
    } catch (err) {
      log(`could not delete ${messages.length} handled message(s): ${errorSummary(err)}`);
      return messages.length;
    }
  }

  const done = (async () => {
    let url: string | undefined;
    let backoffMs = 0;
    while (!signal.aborted) {
      try {
        url ??= await queueUrl();
        const { Messages } = await config.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: config.waitTimeSeconds ?? 20,
            VisibilityTimeout: config.visibilityTimeoutSeconds ?? 30,
            MessageSystemAttributeNames: ["SentTimestamp", "ApproximateReceiveCount"],
          }),
          { abortSignal: signal },
        );
        // Messages received are handled even when a stop came meanwhile: they are already invisible to others.
        const result = await handle(url, Messages ?? []);
        config.onBatch?.(result);
        backoffMs = result.failed > 0 ? longerBackoff(backoffMs) : 0;
      } catch (err) {
        if (signal.aborted) break;
        backoffMs = longerBackoff(backoffMs);
        log(`reading the queue failed: ${errorSummary(err)}; trying again in ${Math.round(backoffMs / 1000)} s`);
      }
      if (backoffMs > 0 && !signal.aborted) await sleep(backoffMs);
    }
  })();

  return {
    stop() {
      stopping.abort();
      return done;
    },
  };
}
