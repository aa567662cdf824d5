"use client";
// When the launch starts and ends, and what sets its pace: from the plan made again for the moment the dialog opened,
// or, for a check stored before plans existed, the time at the send rate as it was told then.
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { formatDuration } from "./format";
import { launchEndWords } from "./launch-plan";
import { formatWhenInZone } from "./plan-words";
import { useTimeZone } from "./use-time-zone";

interface Props {
  /** The plan for this launch; null without one. */
  plan: CampaignPlan | null;
  summary: PreflightSummary;
  /** The start chosen in the schedule; null: at once. */
  start: Date | null;
  /** When the dialog opened, in epoch milliseconds. */
  openedAt: number;
}

export function LaunchTiming({ plan, summary, start, openedAt }: Props) {
  const timeZone = useTimeZone();
  if (!plan) {
    const seconds = summary.estimatedSeconds ?? 0;
    return (
      <>
        <dt className="text-muted-foreground">Starts</dt>
        <dd>{start ? start.toLocaleString() : "As soon as you confirm"}</dd>
        <dt className="text-muted-foreground">Ends</dt>
        <dd>
          {seconds > 0 ? `About ${formatDuration(seconds)} later, ${new Date((start?.getTime() ?? openedAt) + seconds * 1000).toLocaleString()}` : "At once"}
        </dd>
      </>
    );
  }
  const now = new Date(plan.input.now);
  const startsAt = new Date(plan.startsAt);
  // A start that has passed is planned from the moment of confirming, and said so.
  const starts = !start
    ? "As soon as you confirm"
    : startsAt > now
      ? formatWhenInZone(startsAt, timeZone, now)
      : "As soon as you confirm: the chosen start has passed";
  return (
    <>
      <dt className="text-muted-foreground">Starts</dt>
      <dd>{starts}</dd>
      <dt className="text-muted-foreground">Ends</dt>
      <dd data-testid="launch-ends" data-ends-at={plan.endsAt ?? ""}>
        {launchEndWords(plan, timeZone)}
      </dd>
      {plan.blockedBy ? null : (
        <>
          <dt className="text-muted-foreground">Pace</dt>
          <dd className="break-words">{plan.bindingWords.charAt(0).toUpperCase() + plan.bindingWords.slice(1)}</dd>
        </>
      )}
    </>
  );
}
