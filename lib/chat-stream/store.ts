import "server-only";
// Stores a streamed chat item and applies it in one transaction. The insert claims the notification: a second delivery
// of the same SNS MessageId (SQS redelivers whatever was not deleted in time), or the same chat item published to a
// second topic, inserts nothing and changes nothing. Two consumers holding the same message at once wait on the
// unique index, and the second then finds the first's row.
//
// A customer message younger than the reply grace is stored as reply_pending: it is in the transcript at once, and
// pending-replies.ts applies it as a reply (count, STOP/START) once the console's own record of it would be written.
import { eq } from "drizzle-orm";
import { chatStreamItems } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { applyItem, type AppliedEffect } from "./apply";
import { effectOf } from "./effects";
import type { ChatStreamNotification } from "./notification";
import { REPLY_GRACE_MS } from "./reply-grace";

export type StoredEffect = AppliedEffect | "reply_pending";
export type StoreOutcome = { stored: true; id: number; effect: StoredEffect | null } | { stored: false };

export interface StoreOptions {
  nowMs?: number;
  replyGraceMs?: number;
}

export async function storeStreamedItem(db: Db, n: ChatStreamNotification, publishedAt: Date, opts: StoreOptions = {}): Promise<StoreOutcome> {
  const { item } = n;
  const age = (opts.nowMs ?? Date.now()) - publishedAt.getTime();
  const pending = effectOf(item) === "reply" && age < (opts.replyGraceMs ?? REPLY_GRACE_MS);
  return db.transaction(async (tx) => {
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
        publishedAt,
        effect: pending ? "reply_pending" : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return { stored: false };
    if (pending) return { stored: true, id: row.id, effect: "reply_pending" };
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
