// The suppression list as JSON for the console's table: searched, newest first, one keyset page at a time.
import { apiRoute } from "@/lib/api/route";
import { publicSuppression } from "@/lib/suppression/actions";
import { listSuppressions } from "@/lib/suppression/queries";
import { encodeCursor, suppressionFilterSchema } from "@/lib/suppression/schemas";

export const GET = apiRoute("viewer", async ({ req, db }) => {
  // A bad query throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const filter = suppressionFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { rows, nextCursor } = await listSuppressions(db, filter);
  return Response.json(
    { rows: rows.map(publicSuppression), nextCursor: nextCursor ? encodeCursor(nextCursor) : null },
    { headers: { "cache-control": "no-store" } },
  );
});
