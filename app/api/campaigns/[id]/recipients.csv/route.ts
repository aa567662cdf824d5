// One campaign's recipients as a CSV download, with the table's filters and order, streamed a page at a time.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record";
import { recipientHistoryCsv, type RecipientExportFilter } from "@/lib/campaigns/history-export";
import { recipientListSchema } from "@/lib/campaigns/history-list-schemas";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

/** The filter as the audit entry keeps it: only what was set. */
function describeFilter(f: RecipientExportFilter): Record<string, string> {
  const out: Record<string, string> = { sort: f.sort, dir: f.dir };
  if (f.status) out.status = f.status;
  if (f.error) out.error = f.error;
  if (f.q) out.q = f.q;
  if (f.replied) out.replied = f.replied;
  if (f.stage) out.stage = f.stage;
  if (f.waiting) out.waiting = f.waiting;
  return out;
}

export const GET = apiRoute("viewer", async ({ req, db, params, actor }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  // Paging parameters mean nothing for an export; everything that matches is written.
  const { cursor: _cursor, limit: _limit, ...filter } = recipientListSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  // Recorded before the first byte goes out: a download that fails halfway was still an export of this data.
  await recordAudit(db, actor, {
    action: "campaign.exported",
    targetType: "campaign",
    targetId: campaign.id,
    diff: { filter: describeFilter(filter), format: "csv" },
  });
  const safeName = campaign.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "campaign";
  return new Response(recipientHistoryCsv(db, campaign.id, filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safeName}-recipients.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
