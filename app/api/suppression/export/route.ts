// The suppression list (or the rows matching a search) as a CSV download, streamed a page at a time.
import { apiRoute } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record";
import { csvStream } from "@/lib/csv/write";
import type { Suppression } from "@/lib/db/schema";
import { iterateSuppressions } from "@/lib/suppression/queries";
import { suppressionFilterSchema } from "@/lib/suppression/schemas";

const HEADER = ["phone", "reason", "source", "added_by", "added_at"] as const;
const toCells = (row: Suppression): unknown[] => [row.phone, row.reason, row.source, row.createdBy, row.createdAt];

/** 2026-01-31T09:05:00.123Z → 20260131-090500Z: sortable, and free of characters some systems refuse in file names. */
function fileStamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}Z`;
}

export const GET = apiRoute("viewer", async ({ req, db, actor }) => {
  const { q } = suppressionFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  // Recorded before the first byte goes out: a download that fails halfway was still an export of this data.
  await recordAudit(db, actor, { action: "suppression.exported", targetType: "suppression", diff: { filter: q ? { q } : {}, format: "csv" } });
  return new Response(csvStream(HEADER, iterateSuppressions(db, { q }), toCells), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="suppression-list-${fileStamp(new Date())}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
