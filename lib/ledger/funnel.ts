import "server-only";
// A campaign's funnel: started → delivered → read → replied → opted out. Each count reads one partial index that holds
// only that stage's rows (lib/db/schema.ts), so a poll costs what the stages hold, never a scan of the whole ledger.
//
// Rules: started is a row that was sent (a contact was created). A receipt counts without an earlier one: a read row
// counts as delivered too, whether or not its delivered receipt came. Replied and opted out count whatever receipts
// came (SMS often reports none). Every rate is a share of started, not of the stage before.
import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { FunnelStage } from "./funnel-stages";

export interface FunnelCounts {
  started: number;
  delivered: number;
  read: number;
  replied: number;
  optedOut: number;
}

export type FunnelRates = Record<Exclude<keyof FunnelCounts, "started">, number | null>;

/**
 * Rows in a stage, written as the predicate of its partial index so the planner reads that index. Delivered means
 * "delivered, not read" and read means "read, no reply": the read index with the few replied rows filtered out.
 */
export function funnelStageWhere(stage: FunnelStage): SQL {
  switch (stage) {
    case "delivered":
      return and(isNotNull(r.deliveredAt), isNull(r.readAt))!;
    case "read":
      return and(isNotNull(r.readAt), isNull(r.repliedAt))!;
    case "replied":
      return isNotNull(r.repliedAt);
    case "opted_out":
      return isNotNull(r.optedOutAt);
  }
}

const countWhere = (campaignId: string, where: SQL) => sql<number>`(select count(*) from ${r} where ${and(eq(r.campaignId, campaignId), where)})`;

export async function campaignFunnel(db: Db, campaignId: string): Promise<FunnelCounts> {
  // One statement of independent index counts. Delivered is delivered-not-read plus read: two disjoint indexes.
  const [row] = await db
    .select({
      started: countWhere(campaignId, isNotNull(r.sentAt)).mapWith(Number),
      deliveredNotRead: countWhere(campaignId, and(isNotNull(r.deliveredAt), isNull(r.readAt))!).mapWith(Number),
      read: countWhere(campaignId, isNotNull(r.readAt)).mapWith(Number),
      replied: countWhere(campaignId, isNotNull(r.repliedAt)).mapWith(Number),
      optedOut: countWhere(campaignId, isNotNull(r.optedOutAt)).mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  const c = row!;
  return { started: c.started, delivered: c.deliveredNotRead + c.read, read: c.read, replied: c.replied, optedOut: c.optedOut };
}

/** Each stage as a share of started (0 to 1); null before anything started. */
export function funnelRates(c: FunnelCounts): FunnelRates {
  const share = (n: number) => (c.started > 0 ? n / c.started : null);
  return { delivered: share(c.delivered), read: share(c.read), replied: share(c.replied), optedOut: share(c.optedOut) };
}
