import "server-only";
// Remembers a contact the console created or joined. A contact is recorded once: the first origin wins (a campaign
// send retried with its same ClientToken, or an inbound message joining a campaign's chat, changes nothing).
import { contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export interface NewContact {
  contactId: string;
  instanceId: string;
  channel: "sms" | "whatsapp";
  customerPhone: string;
  sourcePhone?: string | null;
  sourcePhoneNumberArn?: string | null;
  origin: "campaign" | "test_send" | "chat_event" | "inbound";
  campaignId?: string | null;
  recipientId?: number | null;
  /** Who caused it: a person's email, or "system". */
  createdBy: string;
}

/** True when this call recorded the contact, false when it was already known. */
export async function recordContact(db: Db, c: NewContact): Promise<boolean> {
  const rows = await db
    .insert(contacts)
    .values({
      contactId: c.contactId,
      instanceId: c.instanceId,
      channel: c.channel,
      customerPhone: c.customerPhone,
      sourcePhone: c.sourcePhone ?? null,
      sourcePhoneNumberArn: c.sourcePhoneNumberArn ?? null,
      origin: c.origin,
      campaignId: c.campaignId ?? null,
      recipientId: c.recipientId ?? null,
      createdBy: c.createdBy,
    })
    .onConflictDoNothing({ target: contacts.contactId })
    .returning({ contactId: contacts.contactId });
  return rows.length === 1;
}
