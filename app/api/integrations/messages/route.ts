// Inbound messages for the integrations page: newest first, by integration and status, one keyset page at a time.
// Admins only (the integrations settings are); the texts are customers' own words and pass the same rule as every
// other page that shows them (lib/customer-text/redact.ts).
import { apiRoute } from "@/lib/api/route";
import { customerTextReader } from "@/lib/customer-text/reader";
import { isCustomerInboundMessage, redactCustomerText } from "@/lib/customer-text/redact";
import { listMessages } from "@/lib/inbound/queries";
import { inboundListFilterSchema } from "@/lib/inbound/schemas";

export const GET = apiRoute("admin", async ({ req, db, user }) => {
  const filter = inboundListFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const reader = customerTextReader(user);
  const { rows, nextCursor } = await listMessages(db, filter);
  return Response.json(
    { rows: rows.map((m) => redactCustomerText(m, "text", isCustomerInboundMessage(m), reader)), nextCursor },
    { headers: { "cache-control": "no-store" } },
  );
});
