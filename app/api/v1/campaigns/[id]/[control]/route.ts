import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/controls";
import { retryFailed } from "@/lib/campaigns/retry";
import { UserFacingError } from "@/lib/errors";

const CONTROLS = { pause: pauseCampaign, resume: resumeCampaign, cancel: cancelCampaign, "retry-failed": retryFailed } as const;

/** retry-failed takes options (`{"includeUnverifiable": true}`); an empty body, as the other controls send, means none. */
async function retryOptions(req: Request): Promise<object> {
  const text = await req.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UserFacingError("invalid", "The request body must be JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new UserFacingError("invalid", 'The request body must be a JSON object, e.g. {"includeUnverifiable": true}');
  }
  return body;
}

// POST /api/v1/campaigns/{id}/pause | resume | cancel | retry-failed
export const POST = apiRoute("supervisor", async (ctx) => {
  // Own keys only: "constructor" and the like are not controls.
  const def = Object.hasOwn(CONTROLS, ctx.params.control ?? "") ? CONTROLS[ctx.params.control as keyof typeof CONTROLS] : undefined;
  if (!def) throw new UserFacingError("not_found", "Use pause, resume, cancel or retry-failed");
  const options = def === retryFailed ? await retryOptions(ctx.req) : {};
  return actionResponse(def, { ...options, campaignId: ctx.params.id }, ctx, (campaign) => ({ campaign }));
});
