import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { saveDraft } from "@/lib/campaigns/actions";
import { apiCampaignSchema, toComposerInput } from "@/lib/campaigns/api-schema";
import { campaignView } from "@/lib/campaigns/api-view";
import { getCampaign, listRecentCampaigns } from "@/lib/campaigns/queries";

export const GET = apiRoute("viewer", async ({ db }) => {
  const campaigns = await listRecentCampaigns(db, 200);
  return Response.json({ campaigns: await Promise.all(campaigns.map((c) => campaignView(db, c))) });
});

// Creates a draft and answers with it and its preflight.
export const POST = apiRoute("supervisor", async (ctx) => {
  const body = apiCampaignSchema.parse(await jsonBody(ctx.req));
  return actionResponse(
    saveDraft,
    { campaign: toComposerInput(body) },
    ctx,
    async (d) => ({ campaign: await campaignView(ctx.db, (await getCampaign(ctx.db, d.campaignId))!), preflight: d.preflight }),
    201,
  );
});
