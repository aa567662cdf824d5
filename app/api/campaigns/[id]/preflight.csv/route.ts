// The whole preflight report of a saved campaign as a CSV download: one line per input row, streamed.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record";
import { recipientReportStream } from "@/lib/campaigns/report";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ params, db, actor }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  // Every row, numbers and names included: audited like the recipients export, before the first byte goes out.
  await recordAudit(db, actor, {
    action: "campaign.exported",
    targetType: "campaign",
    targetId: campaign.id,
    diff: { report: "preflight", filter: {}, format: "csv" },
  });
  const safeName = campaign.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "campaign";
  return new Response(recipientReportStream(db, campaign.id), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safeName}-preflight.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
