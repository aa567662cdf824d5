// Requests the inbound endpoint refused (signature, timestamp, body), newest first, for the integrations page. A body
// excerpt may hold a customer's words: it passes the same rule as every other page that shows them.
import { apiRoute } from "@/lib/api/route";
import { customerTextReader } from "@/lib/customer-text/reader";
import { redactCustomerText } from "@/lib/customer-text/redact";
import { listRejections } from "@/lib/inbound/queries";
import { inboundListFilterSchema } from "@/lib/inbound/schemas";

export const GET = apiRoute("admin", async ({ req, db, user }) => {
  const filter = inboundListFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const reader = customerTextReader(user);
  const { rows, nextCursor } = await listRejections(db, filter);
  return Response.json({ rows: rows.map((r) => redactCustomerText(r, "bodyExcerpt", true, reader)), nextCursor }, { headers: { "cache-control": "no-store" } });
});
