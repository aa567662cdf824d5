// The ceilings End User Messaging and Meta put on a number's outbound messages, enforced on StartOutboundChatContact.
// Why each refusal is answered the way it is: contract-ceilings.md.
import { ApiError } from "./api-error";
import type { Catalog, CatalogPhoneNumber } from "./catalog";
import type { MessagingChannel } from "./channels";
import type { StoredContact } from "./contact";
import type { SimContext } from "./context";
import { messagesPerSecond } from "./number-rates";

/** The business account whose messaging limit this contact counts against, if it counts at all. */
export function reachAccount(catalog: Catalog, contact: StoredContact): string | undefined {
  // Only business-initiated messages count; a chat the customer started is inside its customer service window.
  if (contact.direction !== "outbound" || contact.subtype !== "connect:WhatsApp") return undefined;
  return catalog.findPhoneNumberByArn(contact.phoneNumberArn)?.whatsAppBusinessAccountId;
}

export function recordReach(ctx: Pick<SimContext, "catalog" | "ceilings">, contact: StoredContact): void {
  const account = reachAccount(ctx.catalog, contact);
  if (account) ctx.ceilings.reach.record(account, contact.customerAddress, contact.initiatedAtMs);
}

/** Rebuilds the messaging-limit windows from the contacts, after a restart or a reset. */
export function rebuildReach(ctx: Pick<SimContext, "catalog" | "ceilings" | "store">): void {
  ctx.ceilings.reach.clear();
  for (const contact of ctx.store.contacts.values()) recordReach(ctx, contact);
}

export function messagingLimitOf(ctx: Pick<SimContext, "catalog" | "config">, accountId: string): number | "UNLIMITED" {
  return ctx.config.whatsAppMessagingLimit ?? ctx.catalog.findWhatsAppBusinessAccount(accountId)?.messagingLimit ?? "UNLIMITED";
}

/**
 * Throws the error a start gets when its first message would pass a ceiling, before anything is created; otherwise
 * takes the message from the number's throughput. The caller records the customer once the chat exists.
 */
export function admitFirstMessage(ctx: SimContext, number: CatalogPhoneNumber, channel: MessagingChannel, customer: string, nowMs: number): void {
  const account = channel === "WHATSAPP" ? number.whatsAppBusinessAccountId : undefined;
  if (ctx.config.enforceWhatsAppMessagingLimit && account) {
    const limit = messagingLimitOf(ctx, account);
    const reach = ctx.ceilings.reach;
    if (limit !== "UNLIMITED" && !reach.includes(account, customer, nowMs) && reach.count(account, nowMs) >= limit) {
      const freeAt = reach.nextFreeAtMs(account, nowMs);
      throw new ApiError(
        "LimitExceededException",
        429,
        `WhatsApp business account ${account} has messaged ${limit} unique customers in the last 24 hours, its messaging limit; ` +
          `a new customer can be messaged from ${freeAt === undefined ? "now" : new Date(freeAt).toISOString()}`,
      );
    }
  }
  if (ctx.config.enforceNumberThroughput) {
    const rate = messagesPerSecond(number, channel, ctx.config);
    if (!ctx.ceilings.throughput.tryTake(number.id, channel, rate)) {
      throw new ApiError(
        "ThrottlingException",
        429,
        `Rate exceeded for phone number ${number.phoneNumber}: it sends ${rate} ${channel === "SMS" ? "SMS message parts" : "WhatsApp messages"} per second`,
      );
    }
  }
}
