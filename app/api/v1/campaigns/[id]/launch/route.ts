import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { launchCampaign } from "@/lib/campaigns/actions";

// Body: {"confirmRecipients": <the valid count from the preflight>}; a changed count is refused, as in the console.
export const POST = apiRoute("supervisor", async (ctx) => {
  const body = (await jsonBody(ctx.req)) as Record<string, unknown> | null;
  return actionResponse(launchCampaign, { ...(body ?? {}), campaignId: ctx.params.id }, ctx, (campaign) => ({ campaign }));
});
