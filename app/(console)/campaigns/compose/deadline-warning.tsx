"use client";
// Says, beside a capacity plan, how many recipients its pace leaves past the end time or maximum age set in the form.
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { deadlineWarning } from "./deadline-words";
import type { ComposerValues } from "./form-values";
import { useTimeZone } from "./use-time-zone";

export function DeadlineWarning({ plan }: { plan: CampaignPlan }) {
  const { control } = useFormContext<ComposerValues>();
  const [endAt, maxQueuedMinutes] = useWatch({ control, name: ["endAt", "maxQueuedMinutes"] });
  const timeZone = useTimeZone();
  const minutes = Number(maxQueuedMinutes);
  const words = deadlineWarning(
    plan,
    {
      endAt: endAt || undefined,
      maxQueuedMinutes: maxQueuedMinutes !== "" && maxQueuedMinutes != null && Number.isInteger(minutes) && minutes > 0 ? minutes : undefined,
    },
    timeZone,
  );
  return words ? (
    <Alert tone="warning" data-testid="deadline-warning">
      {words}
    </Alert>
  ) : null;
}
