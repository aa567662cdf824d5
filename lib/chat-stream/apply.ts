import "server-only";
// What a stored chat item changes, inside the transaction that stores it. Delivered and read receipts mark the contact
// (and, for a campaign's chat, its recipient); the customer leaving or the chat ending marks the contact ended at that
// moment unless it is already known to have ended; a customer message is a reply, applied through lib/replies (reply
// count, STOP/START) unless the console counted it when it sent it into Connect itself. Like reconciliation, these
// record what Connect reported and write no audit entry; a suppression change is audited by lib/replies, as the
// chat stream's system action.
import { inArray, sql } from "drizzle-orm";
import { SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/context";
import { markContactEnded } from "@/lib/contacts/queries";
import { markContactReceipt } from "@/lib/contacts/receipts";
import { contacts, type ChatStreamItem, type Contact } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { markReceipt } from "@/lib/ledger/mark-receipt";
import { applyCustomerMessage } from "@/lib/replies/apply";
import { consoleRecordOf } from "./console-replies";
import { effectOf, replyText } from "./effects";

export type AppliedEffect = "delivered" | "read" | "ended" | "reply" | "reply_recorded";

export interface Applied {
  effect: AppliedEffect | null;
  matchedChatEventId?: number;
}

/** The suppression reason and audit entries name the stream, and the notification that carried the message. */
const chatStreamActor = (messageId: string): AuditActor => ({ ...SYSTEM_ACTOR, actorEmail: "chat-stream", requestId: `sns:${messageId}` });

const chatIds = (item: ChatStreamItem) => [...new Set([item.initialContactId, item.contactId])];

/** The console's contact for the item: the chat it started or joined (the initial contact), else the contact itself. */
async function contactOf(db: Db, item: ChatStreamItem): Promise<Contact | undefined> {
  const rows = await db
    .select()
    .from(contacts)
    .where(inArray(contacts.contactId, chatIds(item)))
    .orderBy(sql`${contacts.contactId} = ${item.initialContactId} desc`);
  return rows[0];
}

/**
 * `publishedAt`: when the queue got the notification (SQS SentTimestamp), the clock the console's own records share; the
 * item's AbsoluteTime runs on Connect's clock, which in local mode is the simulator's.
 */
export async function applyItem(db: Db, item: ChatStreamItem, publishedAt: Date): Promise<Applied> {
  const effect = effectOf(item);
  if (!effect) return { effect: null };
  // A chat the console neither started nor joined: the item is kept, there is nothing of the console's to change.
  const contact = await contactOf(db, item);
  if (!contact) return { effect: null };

  if (effect === "delivered" || effect === "read") {
    await markContactReceipt(db, contact.contactId, effect, item.absoluteTime);
    // Only a campaign's own chat carries its message; a later chat linked to the recipient as a reply does not.
    if (contact.origin === "campaign" && contact.recipientId !== null) await markReceipt(db, contact.recipientId, effect, item.absoluteTime);
    return { effect };
  }
  if (effect === "ended") {
    await markContactEnded(db, contact.contactId, { disconnectedAt: item.absoluteTime, disconnectReason: null });
    return { effect };
  }

  const matched = await consoleRecordOf(db, { contactIds: chatIds(item), content: item.content, publishedAt });
  if (matched !== null) return { effect: "reply_recorded", matchedChatEventId: matched };
  await applyCustomerMessage(db, chatStreamActor(item.messageId), {
    customerPhone: contact.customerPhone,
    sourcePhoneNumberArn: contact.sourcePhoneNumberArn,
    text: replyText(item),
    via: "chat stream",
    recipientId: contact.recipientId,
  });
  return { effect: "reply" };
}
