// The messaging channels a Connect number can serve through AWS End User Messaging.
export const MESSAGING_CHANNELS = ["SMS", "WHATSAPP"] as const;
export type MessagingChannel = (typeof MESSAGING_CHANNELS)[number];
