// Campaign status is an explicit state machine: the allowed transitions, in one table.
export const CAMPAIGN_STATUSES = ["draft", "scheduled", "running", "paused", "completed", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ["scheduled", "cancelled"],
  // Back to draft before it starts (lib/campaigns/schedule-actions.ts).
  scheduled: ["running", "paused", "cancelled", "draft"],
  running: ["paused", "completed", "cancelled"],
  // Back to scheduled when it was paused before its start time.
  paused: ["running", "scheduled", "cancelled"],
  // Retry failed: the failed recipients are queued again and the campaign sends them (lib/campaigns/retry.ts).
  completed: ["running"],
  cancelled: [],
};

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const STATUS_LABEL: Record<CampaignStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  running: "Running",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};
