import "server-only";
// The chat-stream consumer as the console and each worker start it: the queue from CHAT_STREAM_QUEUE_URL, or in local
// mode the simulator's chat-stream queue. One per process: a second start (the console's boot code running twice)
// starts nothing. Processes sharing one PostgreSQL database may each run one; SQS hands a message to one of them at a
// time, and the database keeps each notification once whichever applies it.
import { SQSClient } from "@aws-sdk/client-sqs";
import type { Db } from "@/lib/db/types";
import type { Env } from "@/lib/env-schema";
import { startChatStreamConsumer, type ChatStreamConsumer, type QueueRef } from "./consumer";

/** The queue local Connect subscribes to its default topic (contract-streaming.md S.5). */
export const LOCAL_QUEUE_NAME = "chat-stream";

// Longer than a long poll (20 s): only a connection that has gone quiet is given up.
const REQUEST_TIMEOUT_MS = 35_000;

export interface ChatStreamSource {
  queue: QueueRef;
  region: string;
  /** Local mode: the simulator's URL; the SQS client sends every request there. */
  endpoint?: string;
}

/** sqs.<region>.amazonaws.com or <region>.queue.amazonaws.com: requests are signed for the queue's own region. */
export function regionOfQueueUrl(url: string): string | undefined {
  const host = new URL(url).hostname;
  return (/^sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(host) ?? /^([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?$/.exec(host))?.[1];
}

/** Where this process reads the chat stream, or undefined when it reads none. */
export function chatStreamSourceFromEnv(e: Env, connectEndpoint: string | undefined): ChatStreamSource | undefined {
  const setting = e.CHAT_STREAM_QUEUE_URL;
  if (setting === "off") return undefined;
  if (e.CONNECT_MODE === "local") {
    if (!connectEndpoint) return undefined;
    return { queue: setting ? { url: setting } : { name: LOCAL_QUEUE_NAME }, region: e.region, endpoint: connectEndpoint };
  }
  if (!setting) return undefined;
  return { queue: { url: setting }, region: regionOfQueueUrl(setting) ?? e.region };
}

const g = globalThis as unknown as { __chatStreamConsumer?: ChatStreamConsumer };

export function startChatStreamFromEnv(db: Db, e: Env, connectEndpoint: string | undefined, log: (line: string) => void): ChatStreamConsumer | undefined {
  if (g.__chatStreamConsumer) return undefined;
  const source = chatStreamSourceFromEnv(e, connectEndpoint);
  if (!source) return undefined;
  const sqs = new SQSClient({
    region: source.region,
    endpoint: source.endpoint,
    credentials: source.endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined,
    requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: 10_000 },
  });
  const consumer = startChatStreamConsumer({ db, sqs, queue: source.queue, log });
  const running: ChatStreamConsumer = {
    async stop() {
      await consumer.stop();
      sqs.destroy();
      if (g.__chatStreamConsumer === running) g.__chatStreamConsumer = undefined;
    },
  };
  g.__chatStreamConsumer = running;
  const queue = "url" in source.queue ? source.queue.url : `queue ${source.queue.name}`;
  log(`reading chat streams from ${queue}${source.endpoint ? ` at ${source.endpoint}` : ""}`);
  return running;
}
