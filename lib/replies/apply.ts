import "server-only";
// What a customer's message does besides reaching Connect: it is linked to the campaign recipient it answers (same
// customer number, same Connect number), and an opt-out or opt-in keyword changes the suppression list. The
// dispatcher checks that list before every send, so a STOP also holds back a running campaign's remaining send.
import { eq } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { settings } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { markOptedOut } from "@/lib/ledger/mark-opted-out";
import { markRecipientReplied, markReplied } from "@/lib/ledger/mark-replied";
import { deleteSuppression, findSuppression, insertSuppressions } from "@/lib/suppression/queries";
import { DEFAULT_OPT_KEYWORDS, OPT_KEYWORDS_SETTING, keywordAction, keywordOf, optKeywordsSchema, type OptKeywords } from "./keywords";

export async function readOptKeywords(db: Db): Promise<OptKeywords> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, OPT_KEYWORDS_SETTING));
  const parsed = row ? optKeywordsSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_OPT_KEYWORDS;
}

export interface CustomerMessage {
  customerPhone: string;
  /** The Connect phone-number ARN the message was sent to. */
  sourcePhoneNumberArn: string | null;
  text: string | null;
  /** Where it came from, for the suppression reason and the audit log, e.g. `inbound "Twilio EU"` or `events page`. */
  via: string;
  /**
   * The campaign recipient whose chat carried the message, when the caller knows the chat (a streamed chat item names
   * it). Otherwise, or if that row was never sent, the reply goes to the latest send to this customer from this number.
   */
  recipientId?: number | null;
}

export interface MessageEffects {
  recipient: { campaignId: string; recipientId: number } | null;
  optOut: "stop" | "start" | null;
  /** True when the suppression list actually changed. */
  suppressionChanged: boolean;
}

/** Run inside the caller's transaction, so the effects and their audit entries commit with the message record. */
export async function applyCustomerMessage(db: Db, actor: AuditActor, msg: CustomerMessage): Promise<MessageEffects> {
  const known = msg.recipientId != null ? await markRecipientReplied(db, msg.recipientId) : null;
  const recipient = known ?? (msg.sourcePhoneNumberArn ? await markReplied(db, msg.customerPhone, msg.sourcePhoneNumberArn) : null);
  const optOut = keywordAction(msg.text, await readOptKeywords(db));
  let suppressionChanged = false;
  if (optOut === "stop") {
    // The recipient it answers opted out of that campaign, even when the number was on the list already; a START later
    // lifts the suppression but leaves this on the row, since it happened (lib/ledger/mark-opted-out.ts).
    if (recipient) await markOptedOut(db, recipient.recipientId);
    const reason = `Replied ${keywordOf(msg.text)} via ${msg.via}`;
    const [added] = await insertSuppressions(db, [{ phone: msg.customerPhone, reason, source: "opt-out", createdBy: actor.actorEmail }]);
    if (added) {
      suppressionChanged = true;
      await recordAudit(db, actor, {
        action: "suppression.opted_out",
        targetType: "suppression",
        targetId: msg.customerPhone,
        diff: { reason, via: msg.via, campaignId: recipient?.campaignId ?? null, recipientId: recipient?.recipientId ?? null },
      });
    }
  } else if (optOut === "start") {
    const existing = await findSuppression(db, msg.customerPhone);
    if (existing) {
      await deleteSuppression(db, msg.customerPhone);
      suppressionChanged = true;
      await recordAudit(db, actor, {
        action: "suppression.opted_in",
        targetType: "suppression",
        targetId: msg.customerPhone,
        diff: { keyword: keywordOf(msg.text), via: msg.via, removed: { reason: existing.reason, source: existing.source } },
      });
    }
  }
  return { recipient, optOut, suppressionChanged };
}
