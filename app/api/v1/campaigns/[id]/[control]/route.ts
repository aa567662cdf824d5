import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/controls";
import { UserFacingError } from "@/lib/errors";

const CONTROLS = { pause: pauseCampaign, resume: resumeCampaign, cancel: cancelCampaign } as const;

// POST /api/v1/campaigns/{id}/pause | resume | cancel
export const POST = apiRoute("supervisor", async (ctx) => {
  const def = CONTROLS[ctx.params.control as keyof typeof CONTROLS];
  if (!def) throw new UserFacingError("not_found", "Use pause, resume or cancel");
  return actionResponse(def, { campaignId: ctx.params.id }, ctx, (campaign) => ({ campaign }));
});
