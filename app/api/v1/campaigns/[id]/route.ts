import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { saveDraft } from "@/lib/campaigns/actions";
import { apiCampaignSchema, toComposerInput } from "@/lib/campaigns/api-schema";
import { campaignView } from "@/lib/campaigns/api-view";
import { campaignFunnelView } from "@/lib/campaigns/funnel-view";
import { accountLimiterKey } from "@/lib/dispatch/options";
import { campaignProgress } from "@/lib/dispatch/progress";
import { env } from "@/lib/env";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  // The same live plan as the campaign page's ETA, with the account rate in force.
  const progress = await campaignProgress(db, campaign.id, { limiterKey: accountLimiterKey(env().region, env().CONNECT_MODE) });
  return Response.json({ campaign: await campaignView(db, campaign), eta: progress?.plan ?? null, funnel: await campaignFunnelView(db, campaign) });
});

// Replaces a draft with the body (the same as POST /api/v1/campaigns) and answers with it and its check. Rows are
// rewritten only when something that shapes them changed; launched campaigns are refused.
export const PATCH = apiRoute("supervisor", async (ctx) => {
  const id = z.uuid().safeParse(ctx.params.id);
  if (!id.success || !(await getCampaign(ctx.db, id.data))) throw new UserFacingError("not_found", "No campaign with this id");
  const body = apiCampaignSchema.parse(await jsonBody(ctx.req));
  return actionResponse(saveDraft, { campaignId: id.data, campaign: toComposerInput(body) }, ctx, async (d) => ({
    campaign: await campaignView(ctx.db, (await getCampaign(ctx.db, d.campaignId))!),
    preflight: d.preflight,
  }));
});
