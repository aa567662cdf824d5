import "server-only";
// A customer message the console sent into Connect itself (the inbound bridge or the events page) was counted as a
// reply when it was sent, and comes back in the chat's stream. Connect's answer names no message id, so the streamed
// item is matched to the console's record of it: a chat event sent as a MESSAGE into the same chat with the same text,
// recorded within RECORD_WINDOW_MS of the stream's publication, and not matched to another item already (a customer
// who sends "yes" twice has two records, each matched once). The consumer applies a customer message only once it is
// REPLY_GRACE_MS old, so the console's record, written as Connect answers, is there to be found.
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { chatEvents, chatStreamItems } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/** Wide enough for clock differences between AWS and the console, narrow enough that an old message is not taken. */
export const RECORD_WINDOW_MS = 5 * 60_000;

/** The id of the console's unmatched record of this message, if it has one. */
export async function consoleRecordOf(db: Db, message: { contactIds: string[]; content: string | null; publishedAt: Date }): Promise<number | null> {
  const at = sql`${message.publishedAt.toISOString()}::timestamptz`;
  const window = sql`${RECORD_WINDOW_MS}::double precision * interval '1 millisecond'`;
  const [row] = await db
    .select({ id: chatEvents.id })
    .from(chatEvents)
    .where(
      and(
        inArray(chatEvents.contactId, message.contactIds),
        eq(chatEvents.eventType, "MESSAGE"),
        eq(chatEvents.status, "sent"),
        sql`${chatEvents.content} is not distinct from ${message.content}`,
        sql`${chatEvents.createdAt} between ${at} - ${window} and ${at} + ${window}`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(chatStreamItems)
            .where(eq(chatStreamItems.matchedChatEventId, chatEvents.id)),
        ),
      ),
    )
    .orderBy(sql`abs(extract(epoch from ${chatEvents.createdAt} - ${at}))`, asc(chatEvents.id))
    .limit(1);
  return row?.id ?? null;
}
