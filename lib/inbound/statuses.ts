// What an inbound message can be: queued, forwarded, failed. Without zod, so the Integrations page filters by them
// without loading the schemas (schemas.ts).

export const INBOUND_STATUSES = ["queued", "forwarded", "failed"] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];
