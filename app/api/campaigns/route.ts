// The campaigns list of the console's History: filtered, sorted, one keyset page at a time.
import { apiRoute } from "@/lib/api/route";
import { campaignListSchema } from "@/lib/campaigns/history-list-schemas";
import { listCampaignHistory } from "@/lib/campaigns/history-queries";

export const GET = apiRoute("viewer", async ({ req, db }) => {
  // A bad filter throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const filter = campaignListSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listCampaignHistory(db, filter), { headers: { "cache-control": "no-store" } });
});
