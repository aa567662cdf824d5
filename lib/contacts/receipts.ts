import "server-only";
// A chat's delivered and read receipts, as its stream reports them. Receipts can arrive out of order and more than
// once, so each column keeps the earliest time reported; a read message was delivered, whether or not its delivered
// receipt ever comes.
import { eq, sql, type Column } from "drizzle-orm";
import { contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export async function markContactReceipt(db: Db, contactId: string, receipt: "delivered" | "read", at: Date): Promise<void> {
  const earliest = (column: Column) => sql`least(${column}, ${at.toISOString()}::timestamptz)`;
  await db
    .update(contacts)
    .set(
      receipt === "read" ? { readAt: earliest(contacts.readAt), deliveredAt: earliest(contacts.deliveredAt) } : { deliveredAt: earliest(contacts.deliveredAt) },
    )
    .where(eq(contacts.contactId, contactId));
}
