"use client";
// The capacity plan under the recipient check: how long sending takes and when it ends, what sets the pace, what would
// change it, how long each chat holds a slot and on whose word, every limit's hourly figure and the expected sends.
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { DeadlineWarning } from "./deadline-warning";
import { PlanCeilings } from "./plan-ceilings";
import { PlanTimeline } from "./plan-timeline";
import { changingWhatIfs, formatWhen, lifetimeSourceWords, paceWords, planHeadline } from "./plan-words";
import { useTimeZone } from "./use-time-zone";

export function PlanSummary({ plan }: { plan: CampaignPlan }) {
  const timeZone = useTimeZone();
  const headline = planHeadline(plan, timeZone);
  const whatIfs = changingWhatIfs(plan);
  // The lifetime the plan fell back on is the chat duration; a flow that hangs up after sending frees its slot sooner.
  const sayFlowEnds = plan.binding === "chat-capacity" && plan.lifetime.source !== "stated";

  return (
    <section aria-labelledby="plan-heading" className="grid min-w-0 gap-2 rounded-md border border-border p-3 text-sm" data-testid="plan-summary">
      <h3 id="plan-heading" className="text-sm font-semibold">
        Sending plan
      </h3>
      {plan.blockedBy ? (
        <p className="font-medium text-destructive" data-testid="plan-headline">
          Cannot finish: {plan.blockedBy.reason}.
        </p>
      ) : (
        <>
          <p className="font-medium" data-testid="plan-headline">
            {headline}
          </p>
          <p>{paceWords(plan)}</p>
          {/* A check can be hours old by now; the launch dialog plans again from the moment of launch. */}
          <p className="text-xs text-muted-foreground">
            Planned at {formatWhen(new Date(plan.input.now), timeZone, new Date(plan.input.now))}; launching plans again from that moment.
          </p>
        </>
      )}
      <DeadlineWarning plan={plan} />
      <p className="text-muted-foreground">{lifetimeSourceWords(plan.lifetime)}</p>
      {whatIfs.length > 0 ? (
        <div className="grid gap-1">
          <h4 className="text-xs font-medium text-muted-foreground">What would change it</h4>
          <ul className="ml-4 list-disc">
            {whatIfs.map((w) => (
              <li key={w.label}>
                {w.label}: <span className="font-medium">{w.outcome}</span>
              </li>
            ))}
          </ul>
          {sayFlowEnds ? (
            <p className="text-xs text-muted-foreground">If this flow ends each chat itself, say so under Delivery settings → Advanced, and check again.</p>
          ) : null}
        </div>
      ) : null}
      {!plan.blockedBy ? <PlanTimeline plan={plan} timeZone={timeZone} /> : null}
      <PlanCeilings ceilings={plan.ceilings} />
    </section>
  );
}
