import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/**
 * Failed → pending, due now, attempts from zero. The last error stays on the row for the record until the next
 * attempt replaces it, so the table and the errors panel still say what happened; the row's status says it is queued.
 * `refused` tells which rows Connect refused (see lib/campaigns/retry-safety.ts); with `onlyRefused` only those go.
 * Counts the rows re-queued, and among them those whose last attempt Connect did not refuse.
 */
export async function requeueFailed(db: Db, campaignId: string, refused: SQL, onlyRefused: boolean): Promise<{ requeued: number; unknownOutcome: number }> {
  const rows = await db
    .update(r)
    .set({
      sendStatus: "pending",
      nextAttemptAt: null,
      attempts: 0,
      claimedBy: null,
      leaseUntil: null,
      waitKind: null,
      waitReason: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(r.campaignId, campaignId), eq(r.sendStatus, "failed"), onlyRefused ? refused : undefined))
    .returning({ refused: sql<boolean>`coalesce(${refused}, false)` });
  return { requeued: rows.length, unknownOutcome: rows.filter((row) => !row.refused).length };
}
