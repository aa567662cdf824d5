"use client";
// When sending stops: an end time typed in the reader's time zone (stored as an ISO instant with its offset), and a
// maximum age for queued sends counted from when sending begins. The earlier one wins; rows unsent by then expire.
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComposerValues } from "./form-values";
import { isoToLocalInput, localInputToIso } from "./schedule";
import { useTimeZone } from "./use-time-zone";

export function EndTimeField() {
  const { control, register, setValue, formState } = useFormContext<ComposerValues>();
  const endAt = useWatch({ control, name: "endAt" });
  const zone = useTimeZone();
  const { errors } = formState;
  const setEnd = (value: string) =>
    setValue("endAt", value ? (localInputToIso(value, zone) ?? "") : "", { shouldDirty: true, shouldValidate: formState.isSubmitted });

  return (
    <fieldset className="grid gap-2" data-testid="end-time">
      <legend className="mb-1 text-sm font-medium">Stop sending</legend>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <div className="flex items-end gap-2">
          <Field
            id="end-at"
            label="End time (optional)"
            hint={`Recipients not reached by then are skipped as expired, never sent late. In your browser's time zone: ${zone}.`}
            error={errors.endAt?.message}
          >
            <Input type="datetime-local" className="w-64" value={endAt ? isoToLocalInput(endAt, zone) : ""} onChange={(e) => setEnd(e.target.value)} />
          </Field>
          {endAt ? (
            <button type="button" className="mt-8 self-start text-xs underline" onClick={() => setEnd("")}>
              Clear
            </button>
          ) : null}
        </div>
        <Field
          id="max-queued-minutes"
          label="Don't send later than N minutes after start (optional)"
          hint="Counted from launch, or the scheduled start: a campaign paused for a day does not send yesterday's news. 1 to 43,200."
          error={errors.maxQueuedMinutes?.message}
        >
          <Input type="number" min={1} max={43200} step={1} className="w-40" {...register("maxQueuedMinutes")} />
        </Field>
      </div>
    </fieldset>
  );
}
