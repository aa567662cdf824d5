// Whether a contact's chat is streamed, in words that are true for it: started, being started, failed and why, or not
// streamed and why (no topic for its instance, the chat ended or was recorded too long ago before the stream starter
// got to it). Pure: the caller reads the setting and the configuration (see transcript-load.ts).
import type { Contact } from "@/lib/db/schema";

export type StreamState = "started" | "starting" | "failed" | "not_streamed";

export interface StreamStatus {
  state: StreamState;
  /** One sentence for the page: what is true of this chat's stream now. */
  text: string;
  topicArn: string | null;
  streamingId: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  /** Connect's last refusal, when starting the stream failed. */
  error: string | null;
}

export interface StreamContext {
  mode: "local" | "aws";
  /** Settings → Chat streaming's entry for the contact's instance: a topic, "" for off, undefined for none. */
  instanceTopic: string | undefined;
  /** Whether this console reads a stream queue at all. */
  readsQueue: boolean;
  /** The stream starter leaves chats recorded longer ago than this alone. */
  maxAgeMs: number;
  now: Date;
}

type StreamColumns = Pick<
  Contact,
  "state" | "createdAt" | "streamStatus" | "streamingId" | "streamTopicArn" | "streamAttempts" | "streamNextAttemptAt" | "streamError"
>;

const hours = (ms: number) => Math.round(ms / 3_600_000);

function notStreamedWhy(c: StreamColumns, x: StreamContext): string | null {
  if (x.instanceTopic === "") return "Streaming is off for this instance (Settings → Chat streaming).";
  if (x.instanceTopic === undefined && x.mode === "aws") return "No SNS topic is set for this instance (Settings → Chat streaming).";
  if (c.state === "ended") return "The chat ended before its stream was started.";
  if (c.state === "unknown") return "Connect does not know this chat, so it cannot be streamed.";
  if (x.now.getTime() - c.createdAt.getTime() > x.maxAgeMs) return `Recorded more than ${hours(x.maxAgeMs)} hours ago: only newer chats are streamed.`;
  return null;
}

export function streamStatusOf(c: StreamColumns, x: StreamContext): StreamStatus {
  const base = {
    topicArn: c.streamTopicArn,
    streamingId: c.streamingId,
    attempts: c.streamAttempts,
    nextAttemptAt: c.streamNextAttemptAt,
    error: c.streamError,
  };
  const unread = x.readsQueue ? "" : " This console reads no stream queue (CHAT_STREAM_QUEUE_URL), so no items arrive.";
  if (c.streamStatus === "started") return { ...base, state: "started", text: `Streaming started.${unread}` };
  if (c.streamStatus === "failed") return { ...base, state: "failed", text: `Streaming failed: ${c.streamError ?? "no reason recorded"}` };
  if (c.streamStatus === "pending") {
    const text = c.streamError
      ? `Starting the stream failed (${c.streamAttempts === 1 ? "1 attempt" : `${c.streamAttempts} attempts`}) and will be tried again: ${c.streamError}`
      : "The stream is being started.";
    return { ...base, state: "starting", text };
  }
  const why = notStreamedWhy(c, x);
  if (why) return { ...base, state: "not_streamed", text: `This chat is not streamed: ${why}` };
  return { ...base, state: "starting", text: `Waiting for the stream to be started.${unread}` };
}
