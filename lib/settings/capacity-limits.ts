// The limits the sending-capacity settings keep to. Without zod, so the form can offer them without loading the
// schema (schemas.ts) with the page.

/** The most messages per second any source number is given: WhatsApp's highest throughput tier. */
export const MAX_NUMBER_MESSAGES_PER_SECOND = 1_000;

/**
 * Unique customers a WhatsApp business portfolio may message outside a customer service window in a moving 24 hours.
 * Meta's tiers; a newly created portfolio starts at 250 (developers.facebook.com/docs/whatsapp/messaging-limits).
 */
export const WHATSAPP_DAILY_LIMITS = [250, 2_000, 10_000, 100_000] as const;
export const DEFAULT_WHATSAPP_DAILY_LIMIT = 250;
