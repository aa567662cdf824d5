// The campaign page's funnel (started → delivered → read → replied → opted out), polled while the campaign runs.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { campaignFunnelView } from "@/lib/campaigns/funnel-view";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  return Response.json({ funnel: await campaignFunnelView(db, campaign) }, { headers: { "cache-control": "no-store" } });
});
