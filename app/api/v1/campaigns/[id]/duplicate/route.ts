import { apiRoute } from "@/lib/api/route";
import { actionResponse } from "@/lib/api/run-action";
import { campaignView } from "@/lib/campaigns/api-view";
import { duplicateCampaign } from "@/lib/campaigns/duplicate";
import { getCampaign } from "@/lib/campaigns/queries";

// POST /api/v1/campaigns/{id}/duplicate: a new draft with the same settings and recipient list, checked again today.
export const POST = apiRoute("supervisor", async (ctx) =>
  actionResponse(
    duplicateCampaign,
    { campaignId: ctx.params.id },
    ctx,
    async (d) => ({ campaign: await campaignView(ctx.db, (await getCampaign(ctx.db, d.campaignId))!), preflight: d.preflight }),
    201,
  ),
);
