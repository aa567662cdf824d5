import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/controls";
import { retryFailed } from "@/lib/campaigns/retry";
import { UserFacingError } from "@/lib/errors";

const CONTROLS = { pause: pauseCampaign, resume: resumeCampaign, cancel: cancelCampaign, "retry-failed": retryFailed } as const;

// POST /api/v1/campaigns/{id}/pause | resume | cancel | retry-failed
export const POST = apiRoute("supervisor", async (ctx) => {
  // Own keys only: "constructor" and the like are not controls.
  const def = Object.hasOwn(CONTROLS, ctx.params.control ?? "") ? CONTROLS[ctx.params.control as keyof typeof CONTROLS] : undefined;
  if (!def) throw new UserFacingError("not_found", "Use pause, resume, cancel or retry-failed");
  return actionResponse(def, { campaignId: ctx.params.id }, ctx, (campaign) => ({ campaign }));
});
