// Requests the inbound endpoint refused (signature, timestamp, body), newest first, for the integrations page.
import { apiRoute } from "@/lib/api/route";
import { listRejections } from "@/lib/inbound/queries";
import { inboundListFilterSchema } from "@/lib/inbound/schemas";

export const GET = apiRoute("admin", async ({ req, db }) => {
  const filter = inboundListFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listRejections(db, filter), { headers: { "cache-control": "no-store" } });
});
