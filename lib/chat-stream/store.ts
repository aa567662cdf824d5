import "server-only";
// Stores a streamed chat item and applies it in one transaction. The insert claims the notification: a second delivery
// of the same SNS MessageId (SQS redelivers whatever was not deleted in time), or the same chat item published to a
// second topic, inserts nothing and changes nothing. Two consumers holding the same message at once wait on the
// unique index, and the second then finds the first's row.
import { eq } from "drizzle-orm";
import { chatStreamItems } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { applyItem, type AppliedEffect } from "./apply";
import type { ChatStreamNotification } from "./notification";

export type StoreOutcome = { stored: true; id: number; effect: AppliedEffect | null } | { stored: false };

export async function storeStreamedItem(db: Db, n: ChatStreamNotification, publishedAt: Date): Promise<StoreOutcome> {
  return db.transaction(async (tx) => {
    const { item } = n;
    const [row] = await tx
      .insert(chatStreamItems)
      .values({
        messageId: n.messageId,
        topicArn: n.topicArn,
        contactId: item.contactId,
        initialContactId: item.initialContactId,
        instanceId: item.instanceId,
        itemId: item.id,
        type: item.type,
        contentType: item.contentType,
        participantRole: item.participantRole,
        participantId: item.participantId,
        content: item.content,
        absoluteTime: item.absoluteTime,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return { stored: false };
    const applied = await applyItem(tx, row, publishedAt);
    if (applied.effect) {
      await tx
        .update(chatStreamItems)
        .set({ effect: applied.effect, matchedChatEventId: applied.matchedChatEventId ?? null })
        .where(eq(chatStreamItems.id, row.id));
    }
    return { stored: true, id: row.id, effect: applied.effect };
  });
}
