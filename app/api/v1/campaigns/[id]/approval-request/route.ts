import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { requestApproval } from "@/lib/campaigns/approval-actions";

// POST /api/v1/campaigns/{id}/approval-request: submits the draft as it is now for a second person's approval, when the
// approval setting covers its launch. 409 when it needs none, is already waiting or already approved.
export const POST = apiRoute("supervisor", async (ctx) =>
  actionResponse(requestApproval, { campaignId: ctx.params.id }, ctx, (approval) => ({ approval }), 201),
);
