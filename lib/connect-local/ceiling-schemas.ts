// Value shapes of the sending ceilings, shared by the seed and the runtime config so both accept the same values.
import { z } from "zod";
import { MESSAGING_CHANNELS } from "./channels";

/** Meta's messaging limit tiers: unique customers a business portfolio may message in a moving 24 hours. */
export const WHATSAPP_MESSAGING_LIMITS = [250, 2_000, 10_000, 100_000, "UNLIMITED"] as const;
export type WhatsAppMessagingLimit = (typeof WHATSAPP_MESSAGING_LIMITS)[number];

export const messagingLimitSchema = z.union(
  WHATSAPP_MESSAGING_LIMITS.map((tier) => z.literal(tier)),
  { error: `must be one of ${WHATSAPP_MESSAGING_LIMITS.join(", ")}` },
);

const rate = z
  .number({ error: "must be a number of messages per second" })
  .positive("must be above 0 messages per second")
  .max(100_000, "must be at most 100000 messages per second");

/** One rate for every channel the number serves, or a rate per channel (`{ "SMS": 1, "WHATSAPP": 80 }`). */
export const messagesPerSecondSchema = z.union([rate, z.partialRecord(z.enum(MESSAGING_CHANNELS), rate)], {
  error: 'must be a number of messages per second or an object such as { "SMS": 1, "WHATSAPP": 80 }',
});
export type MessagesPerSecond = z.infer<typeof messagesPerSecondSchema>;

// A chat lasts at most 10,080 minutes, so a flow cannot hold one open longer than that either.
export const MAX_FLOW_CHAT_SECONDS = 10_080 * 60;

export const endsChatAfterSecondsSchema = z
  .number({ error: "must be a whole number of seconds" })
  .int("must be a whole number of seconds")
  .min(1, "must be at least 1 second")
  .max(MAX_FLOW_CHAT_SECONDS, `must be at most ${MAX_FLOW_CHAT_SECONDS} seconds (7 days, the longest chat)`);
