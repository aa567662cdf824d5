// Where a messaging provider posts customers' messages for one inbound integration. Public: the caller proves itself
// with the integration's signature, not a session (see lib/inbound/receive.ts and the integrations settings page).
import { apiRoute } from "@/lib/api/route";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { MAX_BODY_BYTES } from "@/lib/inbound/protocol";
import { readBodyUpTo } from "@/lib/inbound/read-body";
import { receiveInbound } from "@/lib/inbound/receive";
import { integrationSecretKey } from "@/lib/inbound/secret-key";
import { getDb } from "@/lib/runtime/current";

export const dynamic = "force-dynamic";

export const POST = apiRoute("public", async ({ req, params, actor }) => {
  const [db, key] = await Promise.all([getDb(), integrationSecretKey()]);
  const { status, body } = await receiveInbound(
    { db, key, gateway: getGateway },
    {
      integrationId: params.integrationId ?? "",
      headers: req.headers,
      readBody: () => readBodyUpTo(req, MAX_BODY_BYTES),
      ip: actor.ip ?? null,
      nowMs: Date.now(),
    },
  );
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
});
