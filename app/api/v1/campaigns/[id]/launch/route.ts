import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { launchCampaign } from "@/lib/campaigns/actions";

// Body: {"confirmRecipients": <the valid count from the preflight>, "confirmInvalid"?: <the invalid count>}; a changed count
// is refused, as in the console, and so is a launch with more invalid rows than LAUNCH_CONFIRM_INVALID_PERCENT without confirmInvalid.
export const POST = apiRoute("supervisor", async (ctx) => {
  const body = (await jsonBody(ctx.req)) as Record<string, unknown> | null;
  return actionResponse(launchCampaign, { ...(body ?? {}), campaignId: ctx.params.id }, ctx, (campaign) => ({ campaign }));
});
