// The filtered audit log as a CSV download, streamed a page at a time so a large log never sits in memory.
import { apiRoute } from "@/lib/api/route";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/filters";
import { iterateAuditEntries } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { csvStream } from "@/lib/csv/write";
import type { AuditRow } from "@/lib/db/schema";

const HEADER = [
  "id",
  "at",
  "actor_email",
  "actor_id",
  "action",
  "target_type",
  "target_id",
  "diff",
  "request_id",
  "ip",
  "user_agent",
  "hash",
  "prev_hash",
] as const;

function toCells(row: AuditRow): unknown[] {
  return [
    row.id,
    row.at,
    row.actorEmail,
    row.actorId,
    row.action,
    row.targetType,
    row.targetId,
    // Always JSON, even for a bare string, so the column parses the same way on every row.
    row.diff === null || row.diff === undefined ? null : JSON.stringify(row.diff),
    row.requestId,
    row.ip,
    row.userAgent,
    row.hash,
    row.prevHash,
  ];
}

type ExportFilter = Omit<AuditFilter, "cursor" | "limit">;

/** The filter as the audit entry keeps it: only what was set, dates as ISO strings. */
function describeFilter(f: ExportFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.actor) out.actor = f.actor;
  if (f.action) out.action = f.action;
  if (f.target) out.target = f.target;
  if (f.from) out.from = f.from.toISOString();
  if (f.to) out.to = f.to.toISOString();
  return out;
}

/** 2026-01-31T09:05:00.123Z → 20260131-090500Z: sortable, and free of characters some systems refuse in file names. */
function fileStamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}Z`;
}

export const GET = apiRoute("viewer", async ({ req, db, actor }) => {
  // Paging parameters mean nothing for an export; everything that matches is written.
  const { cursor: _cursor, limit: _limit, ...filter } = auditFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  // Recorded before the first byte goes out: a download that fails halfway was still an export of this data.
  await recordAudit(db, actor, { action: "audit.exported", diff: { filter: describeFilter(filter), format: "csv" } });
  return new Response(csvStream(HEADER, iterateAuditEntries(db, filter), toCells), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${fileStamp(new Date())}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
