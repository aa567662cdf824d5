// The funnel's stages as a recipients filter: each names where a recipient got to, pure so the browser builds the same
// query strings the routes parse.
export const FUNNEL_STAGES = ["delivered", "read", "replied", "opted_out"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  delivered: "Delivered, not read",
  read: "Read, no reply",
  replied: "Replied",
  opted_out: "Opted out",
};
