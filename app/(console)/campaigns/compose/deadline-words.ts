// The warning the check panel and the launch dialog give when the plan runs past the campaign's deadline. Pure.
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { campaignDeadline, deadlineCause, recipientsPastDeadline, type DeadlineSettings } from "@/lib/campaigns/deadline";
import { formatCount } from "./format";
import { formatWhenInZone } from "./plan-words";

/** "At the planned pace about 400 of 1,000 recipients will not be reached before the end time (…)", or null. */
export function deadlineWarning(plan: CampaignPlan, settings: DeadlineSettings, timeZone: string): string | null {
  // A plan that cannot finish says so already; its timeline is no pace to measure against.
  if (plan.blockedBy) return null;
  const began = new Date(plan.startsAt);
  const deadline = campaignDeadline(settings, began);
  if (!deadline) return null;
  const total = plan.input.recipients;
  const missed = recipientsPastDeadline(plan.timeline, total, deadline.getTime());
  if (missed <= 0) return null;
  const when = formatWhenInZone(deadline, timeZone, new Date(plan.input.now));
  const before =
    deadlineCause(settings, began) === "end time"
      ? `before the end time, ${when}`
      : `within ${formatCount(settings.maxQueuedMinutes ?? 0)} minutes of the start (${when})`;
  return `At the planned pace about ${formatCount(missed)} of ${formatCount(total)} recipients will not be reached ${before}: they will be skipped as expired.`;
}
