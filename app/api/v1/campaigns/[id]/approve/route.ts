import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { approveCampaign } from "@/lib/campaigns/approval-actions";
import { optionalJsonBody } from "@/lib/approvals/api";

// POST /api/v1/campaigns/{id}/approve {"comment"?}: admin keys only (a key has no approver permission of its own); the
// person who asked, or who created the campaign, is refused with 403, also through a key they created.
export const POST = apiRoute("viewer", async (ctx) => {
  const body = await optionalJsonBody(ctx.req);
  return actionResponse(approveCampaign, { ...body, campaignId: ctx.params.id }, ctx, (approval) => ({ approval }));
});
