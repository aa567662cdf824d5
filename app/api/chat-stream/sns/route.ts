// Where Amazon SNS POSTs the chat stream when the console's URL is subscribed (HTTP/S) to a chat-stream topic. Public:
// SNS cannot sign in, so every message proves itself with SNS's signature instead (lib/chat-stream/sns-verify.ts),
// and only topics some Connect instance streams to are taken.
import { apiRoute } from "@/lib/api/route";
import { isChatStreamTopic } from "@/lib/chat-stream/known-topics";
import { fetchSnsCertificate } from "@/lib/chat-stream/sns-certificates";
import { MAX_SNS_BODY_BYTES, receiveSnsMessage, visitSubscribeUrl } from "@/lib/chat-stream/sns-receive";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { readBodyUpTo } from "@/lib/inbound/read-body";
import { getDb, getRuntime } from "@/lib/runtime/current";

export const dynamic = "force-dynamic";

export const POST = apiRoute("public", async ({ req, actor }) => {
  const [db, rt] = await Promise.all([getDb(), getRuntime()]);
  const mode = rt.env.CONNECT_MODE;
  const { status, body, headers } = await receiveSnsMessage(
    {
      db,
      // Only in local mode may the simulator serve certificates and confirm subscriptions, over plain http.
      localOrigin: mode === "local" ? rt.connectEndpoint : undefined,
      fetchCertificate: (url) => fetchSnsCertificate(url),
      isKnownTopic: (topicArn) => isChatStreamTopic(db, mode, topicArn, async () => (await getGateway()).listInstances()),
      confirm: visitSubscribeUrl,
    },
    { headers: req.headers, readBody: () => readBodyUpTo(req, MAX_SNS_BODY_BYTES), ip: actor.ip ?? null, nowMs: Date.now() },
  );
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
});
