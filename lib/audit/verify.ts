import "server-only";
import { asc, gt } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { GENESIS_HASH, entryHash } from "./hash";

export type ChainReport =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the whole chain in id order, in pages, and reports the first entry that does not link or hash. */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(pageSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: row.id, reason: `entry ${row.id} does not follow the entry before it (an entry was removed or reordered)` };
      }
      const expected = entryHash(prevHash, {
        at: row.at,
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        diff: row.diff,
        requestId: row.requestId,
        ip: row.ip,
        userAgent: row.userAgent,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAt: row.id, reason: `entry ${row.id} was changed after it was written (its content no longer matches its hash)` };
      }
      prevHash = row.hash;
      afterId = row.id;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, lastHash: prevHash };
  }
}
