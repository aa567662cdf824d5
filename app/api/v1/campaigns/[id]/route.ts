import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { campaignView } from "@/lib/campaigns/api-view";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  return Response.json({ campaign: await campaignView(db, campaign) });
});
