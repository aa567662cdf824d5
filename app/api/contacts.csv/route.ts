// The contact history (or the rows matching the list's filters) as a CSV download, streamed a page at a time.
import { apiRoute } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record";
import { contactsCsv } from "@/lib/contacts/export";
import { contactListSchema, type ContactExportFilter } from "@/lib/contacts/schemas";

/** The filter as the audit entry keeps it: only what was set. */
function describeFilter(f: ContactExportFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(f)) if (value !== undefined) out[key] = value instanceof Date ? value.toISOString() : String(value);
  return out;
}

/** 2026-01-31T09:05:00.123Z → 20260131-090500Z: sortable, and free of characters some systems refuse in file names. */
const fileStamp = (now: Date) => `${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}Z`;

export const GET = apiRoute("viewer", async ({ req, db, actor }) => {
  // Paging parameters mean nothing for an export; everything that matches is written.
  const { cursor: _cursor, limit: _limit, ...filter } = contactListSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  // Recorded before the first byte goes out: a download that fails halfway was still an export of this data.
  await recordAudit(db, actor, { action: "contact.exported", targetType: "contact", diff: { filter: describeFilter(filter), format: "csv" } });
  return new Response(contactsCsv(db, filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="contacts-${fileStamp(new Date())}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
