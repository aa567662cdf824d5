import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/** The most recent campaign send to this customer from this number gets the reply. */
export async function markReplied(db: Db, customerPhone: string, sourceArn: string): Promise<{ campaignId: string; recipientId: number } | null> {
  const [target] = await db
    .select({ id: campaignRecipients.id, campaignId: campaignRecipients.campaignId })
    .from(campaignRecipients)
    .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
    .where(
      and(
        eq(campaignRecipients.phone, customerPhone),
        eq(campaigns.sourcePhoneNumberArn, sourceArn),
        eq(campaignRecipients.sendStatus, "sent"),
        isNotNull(campaignRecipients.sentAt),
      ),
    )
    .orderBy(desc(campaignRecipients.sentAt))
    .limit(1);
  if (!target) return null;
  await db
    .update(campaignRecipients)
    .set({ repliedAt: sql`coalesce(${campaignRecipients.repliedAt}, now())`, replyCount: sql`${campaignRecipients.replyCount} + 1` })
    .where(eq(campaignRecipients.id, target.id));
  return { campaignId: target.campaignId, recipientId: target.id };
}

/** The reply lands on this recipient: the chat it came in names its send. Null unless that row was sent. */
export async function markRecipientReplied(db: Db, recipientId: number): Promise<{ campaignId: string; recipientId: number } | null> {
  const [row] = await db
    .update(campaignRecipients)
    .set({ repliedAt: sql`coalesce(${campaignRecipients.repliedAt}, now())`, replyCount: sql`${campaignRecipients.replyCount} + 1` })
    .where(and(eq(campaignRecipients.id, recipientId), eq(campaignRecipients.sendStatus, "sent")))
    .returning({ campaignId: campaignRecipients.campaignId, recipientId: campaignRecipients.id });
  return row ?? null;
}
