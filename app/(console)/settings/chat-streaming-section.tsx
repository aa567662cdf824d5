// Chat streaming with the instances Connect lists now. Rendered behind a Suspense boundary, like the number table: the
// rest of the page should not wait for Connect.
import { Alert } from "@/components/ui/alert";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import type { ConnectInstance } from "@/lib/connect/types";
import { getRuntime } from "@/lib/runtime/current";
import { defaultTopicArn, readChatStreaming, topicFor } from "@/lib/settings/chat-streaming";
import { ChatStreamingForm, type StreamingInstance } from "./chat-streaming-form";

export async function ChatStreamingSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const mode = rt.env.CONNECT_MODE;
  const setting = await readChatStreaming(rt.database.db);
  let listed: ConnectInstance[];
  try {
    listed = await viaConnect((g) => g.listInstances());
  } catch (err) {
    return <Alert tone="warning">Cannot list instances. {err instanceof Error ? err.message : String(err)}</Alert>;
  }
  const instances: StreamingInstance[] = listed
    .map((i) => ({ id: i.id, arn: i.arn, label: i.alias ?? i.id, topicArn: topicFor(setting, mode, i), defaultTopicArn: defaultTopicArn(mode, i.arn) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return <ChatStreamingForm instances={instances} canEdit={canEdit} />;
}
