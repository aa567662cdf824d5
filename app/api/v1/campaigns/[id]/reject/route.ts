import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { rejectCampaign } from "@/lib/campaigns/approval-actions";
import { optionalJsonBody } from "@/lib/approvals/api";

// POST /api/v1/campaigns/{id}/reject {"comment"}: the comment is required and shown to the author.
export const POST = apiRoute("viewer", async (ctx) => {
  const body = await optionalJsonBody(ctx.req);
  return actionResponse(rejectCampaign, { ...body, campaignId: ctx.params.id }, ctx, (approval) => ({ approval }));
});
