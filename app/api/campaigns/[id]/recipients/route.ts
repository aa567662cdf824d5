// One campaign's recipients for the campaign page: filtered, searched, sorted, one keyset page at a time.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { recipientListSchema } from "@/lib/campaigns/history-list-schemas";
import { listRecipientHistory } from "@/lib/campaigns/history-queries";
import { getCampaign } from "@/lib/campaigns/queries";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ req, db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  const filter = recipientListSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listRecipientHistory(db, campaign.id, filter);
  return Response.json({ recipients: page.rows, nextCursor: page.nextCursor }, { headers: { "cache-control": "no-store" } });
});
