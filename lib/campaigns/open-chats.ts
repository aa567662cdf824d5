import "server-only";
// How many of a campaign's chats are open now, as reconciliation last found them, beside every open chat the console
// knows on the same instance (what counts against Connect's concurrent chat quota).
import { and, eq, gt, sql } from "drizzle-orm";
import { contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

// No chat outlives its longest duration (7 days): an older row still marked open was simply never checked again.
const RECENT = sql`now() - interval '7 days'`;

export interface CampaignChats {
  open: number;
  ended: number;
  unknown: number;
  /** Open chats of any origin on the campaign's instance. */
  instanceOpen: number;
  /** When reconciliation last asked Connect about one of this campaign's chats. */
  lastCheckedAt: Date | null;
}

export async function campaignChats(db: Db, campaignId: string, instanceId: string): Promise<CampaignChats> {
  const rows = await db
    .select({
      state: contacts.state,
      n: sql<number>`count(*) filter (where ${contacts.state} <> 'open' or ${contacts.createdAt} > ${RECENT})`.mapWith(Number),
      lastCheckedAt: sql<Date | null>`max(${contacts.lastCheckedAt})`.mapWith(contacts.lastCheckedAt),
    })
    .from(contacts)
    .where(eq(contacts.campaignId, campaignId))
    .groupBy(contacts.state);
  const [instance] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(contacts)
    .where(and(eq(contacts.state, "open"), eq(contacts.instanceId, instanceId), gt(contacts.createdAt, RECENT)));
  const out: CampaignChats = { open: 0, ended: 0, unknown: 0, instanceOpen: instance?.n ?? 0, lastCheckedAt: null };
  for (const row of rows) {
    out[row.state] = row.n;
    if (row.lastCheckedAt && (!out.lastCheckedAt || row.lastCheckedAt > out.lastCheckedAt)) out.lastCheckedAt = row.lastCheckedAt;
  }
  return out;
}
