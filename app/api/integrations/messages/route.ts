// Inbound messages for the integrations page: newest first, by integration and status, one keyset page at a time.
// Admins only: the texts are customers' own words.
import { apiRoute } from "@/lib/api/route";
import { listMessages } from "@/lib/inbound/queries";
import { inboundListFilterSchema } from "@/lib/inbound/schemas";

export const GET = apiRoute("admin", async ({ req, db }) => {
  const filter = inboundListFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listMessages(db, filter), { headers: { "cache-control": "no-store" } });
});
