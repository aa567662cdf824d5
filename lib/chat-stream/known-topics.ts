import "server-only";
// The SNS topics the console streams chats to, as the stream starter sees them: every topic Settings → Chat streaming
// names, and in local mode each instance's default (the simulator's chat-stream topic in the instance's account and
// Region). A message for any other topic is refused by the chat-stream endpoint. The instance list is reused for a
// minute, so a flood of deliveries does not become a flood of ListInstances calls.
import type { ConnectInstance } from "@/lib/connect/types";
import type { Db } from "@/lib/db/types";
import { readChatStreaming, topicFor } from "@/lib/settings/chat-streaming";

const INSTANCES_REFRESH_MS = 60_000;

const g = globalThis as unknown as { __chatStreamInstances?: { list: ConnectInstance[]; at: number } };

export async function isChatStreamTopic(db: Db, mode: "local" | "aws", topicArn: string, listInstances: () => Promise<ConnectInstance[]>): Promise<boolean> {
  const setting = await readChatStreaming(db);
  if (Object.values(setting.topics).includes(topicArn) && topicArn !== "") return true;
  if (mode === "aws") return false;
  const cached = g.__chatStreamInstances;
  const instances = cached && Date.now() - cached.at < INSTANCES_REFRESH_MS ? cached.list : await listInstances();
  if (instances !== cached?.list) g.__chatStreamInstances = { list: instances, at: Date.now() };
  return instances.some((i) => topicFor(setting, mode, i) === topicArn);
}
