"use client";
// When the launch starts and ends, and what sets its pace: from the plan made again for the moment the dialog opened,
// or, for a check stored before plans existed, the time at the send rate as it was told then.
import { DateTime } from "@/components/ui/date-time";
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { formatDuration } from "./format";
import { launchEndWords } from "./launch-plan";
import { takesWords } from "./plan-words";
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

// The end written like the campaign page writes its times, so the end promised here reads the same there.
function PlanEnd({ plan, timeZone }: { plan: CampaignPlan; timeZone: string }) {
  if (plan.blockedBy || plan.seconds === null || plan.endsAt === null) return launchEndWords(plan, timeZone);
  const takes = takesWords(plan.seconds);
  const lead = plan.seconds < 0.5 ? "As soon as it starts" : `${takes.startsWith("~") ? takes : `About ${takes}`} later`;
  return (
    <>
      {lead}, <DateTime at={plan.endsAt} />
    </>
  );
}

export function LaunchTiming({ plan, summary, start, openedAt }: Props) {
  const timeZone = useTimeZone();
  if (!plan) {
    const seconds = summary.estimatedSeconds ?? 0;
    return (
      <>
        <dt className="text-muted-foreground">Starts</dt>
        <dd>{start ? <DateTime at={start} /> : "As soon as you confirm"}</dd>
        <dt className="text-muted-foreground">Ends</dt>
        <dd>
          {seconds > 0 ? (
            <>
              About {formatDuration(seconds)} later, <DateTime at={(start?.getTime() ?? openedAt) + seconds * 1000} />
            </>
          ) : (
            "At once"
          )}
        </dd>
      </>
    );
  }
  const now = new Date(plan.input.now);
  const startsAt = new Date(plan.startsAt);
  // A start that has passed is planned from the moment of confirming, and said so.
  const starts = !start ? "As soon as you confirm" : startsAt > now ? <DateTime at={startsAt} /> : "As soon as you confirm: the chosen start has passed";
  return (
    <>
      <dt className="text-muted-foreground">Starts</dt>
      <dd>{starts}</dd>
      <dt className="text-muted-foreground">Ends</dt>
      <dd data-testid="launch-ends" data-ends-at={plan.endsAt ?? ""}>
        <PlanEnd plan={plan} timeZone={timeZone} />
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
