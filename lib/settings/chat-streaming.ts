import "server-only";
// The SNS topic each Connect instance's chats are streamed to, read by the stream starter and the settings page. One
// `settings` row, jsonb: instance id → topic ARN, where an empty ARN means off. An instance with no entry gets the
// default: off against AWS, and local Connect's own chat-stream topic in local mode, whose queue the console reads.
import { eq } from "drizzle-orm";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { localTopicArn, TOPIC_ARN_MAX, topicArnProblem } from "./chat-streaming-schema";

export const CHAT_STREAMING_SETTING = "chat_streaming";

export interface ChatStreaming {
  /** Instance id → topic ARN ("" = off). An instance not here streams to its default topic. */
  topics: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The stored value, entry by entry: one that is not a usable topic is dropped (its instance gets the default), never thrown. */
export function parseChatStreaming(value: unknown): ChatStreaming {
  const topics: Record<string, string> = {};
  if (isRecord(value) && isRecord(value.topics)) {
    for (const [instanceId, arn] of Object.entries(value.topics)) {
      if (instanceId === "" || typeof arn !== "string" || arn.length > TOPIC_ARN_MAX) continue;
      if (arn === "" || topicArnProblem(arn, undefined) === null) topics[instanceId] = arn;
    }
  }
  return { topics };
}

export async function readChatStreaming(db: Db): Promise<ChatStreaming> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, CHAT_STREAMING_SETTING));
  return parseChatStreaming(row?.value);
}

/** What an instance gets when the setting names no topic for it. */
export function defaultTopicArn(mode: "local" | "aws", instanceArn: string): string {
  return mode === "local" ? localTopicArn(instanceArn) : "";
}

/** The topic the instance's chats are streamed to now; "" when they are not. */
export function topicFor(setting: ChatStreaming, mode: "local" | "aws", instance: { id: string; arn: string }): string {
  return setting.topics[instance.id] ?? defaultTopicArn(mode, instance.arn);
}
