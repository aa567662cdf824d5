import "server-only";
// Replies to a campaign: recipients who answered at least once, and every reply counted.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export interface CampaignReplies {
  /** Recipients with a reply (replied_at set at their first). */
  recipients: number;
  replies: number;
}

export async function campaignReplies(db: Db, campaignId: string): Promise<CampaignReplies> {
  const [row] = await db
    .select({ recipients: sql<number>`count(*)`.mapWith(Number), replies: sql<number>`coalesce(sum(${r.replyCount}), 0)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), isNotNull(r.repliedAt)));
  return { recipients: row?.recipients ?? 0, replies: row?.replies ?? 0 };
}
