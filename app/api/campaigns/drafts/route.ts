// The composer's save of a draft: progress lines while the rows are checked and stored, then { campaignId, preflight }
// (the same answer as the saveDraft action). Cancelling stops a save until its rows begin to be stored; from then on
// it finishes, so the draft is never left half-written by a closed tab.
import { apiRoute } from "@/lib/api/route";
import { ndjsonResponse } from "@/lib/api/ndjson";
import { jsonBody } from "@/lib/api/run-action";
import { preflightLimits } from "@/lib/campaigns/limits";
import { saveDraftCore, saveDraftSchema } from "@/lib/campaigns/save-draft";
import { getGateway } from "@/lib/connect/runtime-gateway";

export const POST = apiRoute("supervisor", async ({ req, db, actor, user }) => {
  const input = saveDraftSchema.parse(await jsonBody(req));
  const [gateway, limits] = await Promise.all([getGateway(), preflightLimits(db)]);
  return ndjsonResponse(({ progress, signal }) => saveDraftCore(db, gateway, input, { actor, user }, limits, { onProgress: progress, signal }), {
    request: req,
    requestId: actor.requestId ?? "",
  });
});
