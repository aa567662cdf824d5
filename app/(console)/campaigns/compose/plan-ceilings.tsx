// Every ceiling the plan weighed, each with what it allows per hour on its own; the one that holds sending back is marked.
import { Badge } from "@/components/ui/badge";
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { cn } from "@/lib/utils";
import { perHourWords } from "./plan-words";

export function PlanCeilings({ ceilings }: { ceilings: CampaignPlan["ceilings"] }) {
  if (ceilings.length === 0) return null;
  return (
    <div className="grid gap-1">
      <h4 className="text-xs font-medium text-muted-foreground">Each limit on its own</h4>
      <ul className="grid gap-1 text-xs" aria-label="Sending limits">
        {ceilings.map((c) => (
          <li key={c.kind} title={c.words} className={cn("flex flex-wrap items-center justify-between gap-x-3", c.binding && "font-medium")}>
            <span className="flex items-center gap-1.5">
              {c.label.charAt(0).toUpperCase() + c.label.slice(1)}
              {c.binding ? <Badge tone="warning">sets the pace</Badge> : null}
            </span>
            <span className="tabular-nums">{perHourWords(c.perHour)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
