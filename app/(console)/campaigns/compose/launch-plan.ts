// The plan as the launch dialog tells it: made again from the moment the dialog opened and for the start chosen, since
// the check may be minutes or days old. Everything the check measured (open chats, other campaigns) stays as it was.
import { replan, type CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { PlanInputError } from "@/lib/planner/validate-input";
import { formatWhenInZone, takesWords } from "./plan-words";

/** The plan for a launch confirmed now (`openedAtMs`) to start at `startIso` (null or unreadable: at once); null without a plan. */
export function launchPlan(plan: CampaignPlan | undefined, openedAtMs: number, startIso: string | null): CampaignPlan | null {
  if (!plan) return null;
  const start = startIso ? new Date(startIso) : undefined;
  try {
    return replan(plan, new Date(openedAtMs), start && !Number.isNaN(start.getTime()) ? start : undefined);
  } catch (e) {
    // A plan the planner no longer accepts (stored by an older version) leaves the dialog with the check's own figure.
    if (e instanceof PlanInputError) return null;
    throw e;
  }
}

/** "About 20 s later, Tue 7 Dec, 05:12 (Europe/Berlin)", "~19 h later, …", or why it cannot finish. */
export function launchEndWords(plan: CampaignPlan, timeZone: string): string {
  if (plan.blockedBy || plan.seconds === null || plan.endsAt === null) {
    return `It cannot finish as things stand: ${plan.blockedBy?.reason ?? "the plan found no end"}`;
  }
  const end = formatWhenInZone(new Date(plan.endsAt), timeZone, new Date(plan.input.now));
  if (plan.seconds < 0.5) return `As soon as it starts, ${end}`;
  const takes = takesWords(plan.seconds);
  return `${takes.startsWith("~") ? takes : `About ${takes}`} later, ${end}`;
}
