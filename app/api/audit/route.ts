// The audit log as JSON for the console's table: filtered, newest first, one keyset page at a time.
import { apiRoute } from "@/lib/api/route";
import { auditFilterSchema } from "@/lib/audit/filters";
import { listAuditEntries } from "@/lib/audit/queries";
import { auditTargetNames, targetKey } from "@/lib/audit/target-names";

export const GET = apiRoute("viewer", async ({ req, db }) => {
  // A bad filter throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { entries, nextCursor } = await listAuditEntries(db, filter);
  const names = await auditTargetNames(db, entries);
  return Response.json(
    {
      entries: entries.map((entry) => ({
        ...entry,
        at: entry.at.toISOString(),
        targetName: names.get(targetKey(entry.targetType, entry.targetId?.toLowerCase() ?? null)) ?? null,
      })),
      nextCursor,
    },
    { headers: { "cache-control": "no-store" } },
  );
});
