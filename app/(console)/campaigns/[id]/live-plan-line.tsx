"use client";
// The campaign page's ETA: the capacity plan made again every poll from what is happening now, saying when sending
// ends and which ceiling holds it back at this moment.
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { formatDuration } from "@/lib/planner/duration-words";
import { formatWhenInZone } from "../compose/plan-words";
import { useTimeZone } from "../compose/use-time-zone";

export function LivePlanLine({ plan, status }: { plan: CampaignPlan; status: string }) {
  // The same words for a moment as the composer's plan, so the end it promised and the end shown here read alike.
  const timeZone = useTimeZone();
  const endTime = (iso: string) => formatWhenInZone(new Date(iso), timeZone, new Date(plan.input.now));
  if (plan.blockedBy) {
    return (
      <p className="text-sm" data-testid="live-eta">
        Cannot finish as things stand: {plan.blockedBy.reason}
      </p>
    );
  }
  const starts = status === "scheduled" ? `Starts ${endTime(plan.startsAt)} · ` : "";
  return (
    <p className="text-sm" data-testid="live-eta" data-ends-at={plan.endsAt ?? ""}>
      {starts}
      Time left: <span className="font-medium">{plan.seconds === null ? "—" : formatDuration(plan.seconds)}</span>
      {plan.endsAt ? ` · ends ${endTime(plan.endsAt)}` : ""}
      {plan.binding !== "none" ? (
        <span className="block text-muted-foreground" data-testid="live-binding">
          Bound now by {plan.bindingWords}
        </span>
      ) : null}
    </p>
  );
}
