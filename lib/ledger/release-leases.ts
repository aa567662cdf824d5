import "server-only";
import { eq, sql } from "drizzle-orm";
import { campaignRecipients } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/**
 * Ends the lease of every row marked `sending`, so the next claim takes them at once. Only for a process that knows
 * no other can be sending: with the embedded database only this process can use the data folder, so such rows were
 * left by a process that died, and they are sent again with their same ClientTokens (Connect answers with the
 * contact it already created).
 */
export async function releaseAllLeases(db: Db): Promise<number> {
  const released = await db
    .update(campaignRecipients)
    .set({ leaseUntil: sql`now() - interval '1 second'` })
    .where(eq(campaignRecipients.sendStatus, "sending"))
    .returning({ id: campaignRecipients.id });
  return released.length;
}
