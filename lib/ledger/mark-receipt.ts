import "server-only";
// A campaign message's delivered and read receipts, on the recipient it was sent to. Receipts can arrive out of order
// and more than once, so each column keeps the earliest time reported; a read message was delivered, whether or not
// its delivered receipt ever comes.
import { and, eq, sql, type Column } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export type Receipt = "delivered" | "read";

/** True when the recipient is a sent row (and so now carries the receipt). */
export async function markReceipt(db: Db, recipientId: number, receipt: Receipt, at: Date): Promise<boolean> {
  const earliest = (column: Column) => sql`least(${column}, ${at.toISOString()}::timestamptz)`;
  const rows = await db
    .update(r)
    .set(receipt === "read" ? { readAt: earliest(r.readAt), deliveredAt: earliest(r.deliveredAt) } : { deliveredAt: earliest(r.deliveredAt) })
    .where(and(eq(r.id, recipientId), eq(r.sendStatus, "sent")))
    .returning({ id: r.id });
  return rows.length === 1;
}
