// The composer's check of a campaign: progress lines while the rows are read and checked, then the preflight summary
// (the same answer as the previewPreflight action). Cancelling the request stops the check.
import { apiRoute } from "@/lib/api/route";
import { ndjsonResponse } from "@/lib/api/ndjson";
import { jsonBody } from "@/lib/api/run-action";
import { preflightLimits } from "@/lib/campaigns/limits";
import { runServerPreflight } from "@/lib/campaigns/preflight-server";
import { saveDraftSchema } from "@/lib/campaigns/save-draft";
import { getGateway } from "@/lib/connect/runtime-gateway";

export const POST = apiRoute("supervisor", async ({ req, db, actor }) => {
  // Bad JSON or input is answered here, as a JSON error with its status, before any line is streamed.
  const { campaignId, campaign } = saveDraftSchema.parse(await jsonBody(req));
  const [gateway, limits] = await Promise.all([getGateway(), preflightLimits(db)]);
  return ndjsonResponse(
    async ({ progress, signal }) => (await runServerPreflight(db, gateway, campaign, limits, { campaignId, onProgress: progress, signal })).summary,
    { request: req, requestId: actor.requestId ?? "" },
  );
});
