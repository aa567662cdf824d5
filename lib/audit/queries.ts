import "server-only";
import { and, desc, gte, ilike, lt, lte, or, type SQL } from "drizzle-orm";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { AuditFilter } from "./filters";

export type AuditQuery = Partial<Omit<AuditFilter, "limit">> & { limit: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(f: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.actor ? ilike(auditLog.actorEmail, `%${escapeLike(f.actor)}%`) : undefined,
    f.action ? ilike(auditLog.action, `${escapeLike(f.action)}%`) : undefined,
    f.target ? or(ilike(auditLog.targetId, `%${escapeLike(f.target)}%`), ilike(auditLog.targetType, `%${escapeLike(f.target)}%`)) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
    f.cursor ? lt(auditLog.id, f.cursor) : undefined,
  ];
  return and(...parts.filter(Boolean));
}

/** Newest first, keyset-paginated on id: the cursor is the last id of the previous page. */
export async function listAuditEntries(db: Db, f: AuditQuery): Promise<{ entries: AuditRow[]; nextCursor: number | null }> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(where(f))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
  const entries = rows.slice(0, f.limit);
  return { entries, nextCursor: rows.length > f.limit ? entries[entries.length - 1]!.id : null };
}

/** Every matching entry, newest first, a page at a time so an export never holds the whole log in memory. */
export async function* iterateAuditEntries(db: Db, f: Omit<AuditQuery, "limit" | "cursor">, pageSize = 1000): AsyncGenerator<AuditRow> {
  let cursor: number | undefined;
  for (;;) {
    const page = await listAuditEntries(db, { ...f, cursor, limit: pageSize });
    yield* page.entries;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}
