import "server-only";
// A recipient who answered the campaign with an opt-out keyword. The earliest time stays: a later STOP adds nothing,
// and a START that takes the number off the suppression list does not erase it either, because the funnel reports
// that this recipient opted out of this campaign, not whether the number is suppressed today.
import { eq, sql } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export async function markOptedOut(db: Db, recipientId: number): Promise<void> {
  await db
    .update(r)
    .set({ optedOutAt: sql`coalesce(${r.optedOutAt}, now())` })
    .where(eq(r.id, recipientId));
}
