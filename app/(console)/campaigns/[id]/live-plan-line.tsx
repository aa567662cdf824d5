"use client";
// The campaign page's ETA: the capacity plan made again every poll from what is happening now, saying when sending
// ends and which ceiling holds it back at this moment.
import { DateTime } from "@/components/ui/date-time";
import type { LivePlan } from "@/lib/campaigns/live-plan";
import { formatDuration } from "@/lib/planner/duration-words";

const count = (n: number) => n.toLocaleString("en-US");

function Binding({ plan }: { plan: LivePlan }) {
  if (plan.binding === "none") return null;
  return (
    <span className="block text-muted-foreground" data-testid="live-binding">
      Bound now by {plan.bindingWords}
    </span>
  );
}

export function LivePlanLine({ plan, status }: { plan: LivePlan; status: string }) {
  if (plan.blockedBy) {
    return (
      <p className="text-sm" data-testid="live-eta">
        Cannot finish as things stand: {plan.blockedBy.reason}
      </p>
    );
  }
  // The same start as the page header's, written the same way.
  const starts =
    status === "scheduled" ? (
      <>
        Starts <DateTime at={plan.startsAt} /> ·{" "}
      </>
    ) : null;
  const cut = plan.deadline && plan.deadline.unreached > 0 ? plan.deadline : null;
  if (cut) {
    // The plan runs past the deadline: sending stops there, and what it has not reached by then expires.
    const what = cut.cause === "end time" ? "end time" : "maximum age for queued sends";
    const left = Math.max(0, (Date.parse(cut.at) - Date.parse(plan.input.now)) / 1000);
    return (
      <p className="text-sm" data-testid="live-eta" data-ends-at={cut.at}>
        {starts}
        Time left: <span className="font-medium">{formatDuration(left)}</span> · stops at its {what}, <DateTime at={cut.at} />
        <span className="block text-warning" data-testid="live-unreached">
          At this pace about {count(cut.unreached)} of {count(plan.input.recipients)} recipients left will not be reached by then: they will be skipped as
          expired.
        </span>
        <Binding plan={plan} />
      </p>
    );
  }
  return (
    <p className="text-sm" data-testid="live-eta" data-ends-at={plan.endsAt ?? ""}>
      {starts}
      Time left: <span className="font-medium">{plan.seconds === null ? "—" : formatDuration(plan.seconds)}</span>
      {plan.endsAt ? (
        <>
          {" "}
          · ends <DateTime at={plan.endsAt} />
        </>
      ) : null}
      <Binding plan={plan} />
    </p>
  );
}
