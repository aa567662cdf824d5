import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { recipientReportStream } from "@/lib/campaigns/report";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

// The whole preflight report of a saved campaign: one line per input row, streamed.
export const GET = apiRoute("viewer", async ({ params, db }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  const safeName = campaign.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "campaign";
  return new Response(recipientReportStream(db, campaign.id), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safeName}-preflight.csv"`,
      "cache-control": "no-store",
    },
  });
});
