import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { updateChatStreaming } from "@/lib/settings/actions";
import { readChatStreaming } from "@/lib/settings/chat-streaming";

// Settings → Chat streaming: the SNS topic each Connect instance's chats are streamed to, by instance id ("" = off). An
// instance not listed streams to its default: local Connect's chat-stream topic in local mode, none against AWS.
export const GET = apiRoute("viewer", async ({ db }) => Response.json({ chatStreaming: await readChatStreaming(db) }));

// Body as the settings form sends it: {"instances":[{"instanceId","topicArn"}]}, topicArn "" turning streaming off; an
// instance left out keeps its topic. Each topic must be a standard SNS topic in its instance's Region, so Connect must
// answer ListInstances. Admin keys only; audited as settings.chat_streaming_changed.
export const PUT = apiRoute("admin", async (ctx) => actionResponse(updateChatStreaming, await jsonBody(ctx.req), ctx, (chatStreaming) => ({ chatStreaming })));
