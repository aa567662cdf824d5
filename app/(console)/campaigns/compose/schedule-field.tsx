"use client";
// Start now, or at a wall-clock time in the browser's time zone, stored as an ISO instant with its offset.
import { useState, useSyncExternalStore } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComposerValues } from "./form-values";
import { browserTimeZone, isoToLocalInput, localInputToIso } from "./schedule";

const noSubscription = () => () => {};

export function ScheduleField() {
  const { control, getValues, setValue, formState } = useFormContext<ComposerValues>();
  const schedule = useWatch({ control, name: "schedule" }) ?? { mode: "now" };
  // The server renders without knowing the browser's zone; null there, the real zone once hydrated.
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  // A saved draft keeps the zone it was scheduled in, so the time shown is the time that was chosen.
  const [savedZone] = useState(() => {
    const initial = getValues("schedule");
    return initial?.mode === "at" ? (initial.timeZone ?? "UTC") : null;
  });
  const [local, setLocal] = useState(() => {
    const initial = getValues("schedule");
    return initial?.mode === "at" ? isoToLocalInput(initial.at, initial.timeZone ?? "UTC") : "";
  });
  const error = (formState.errors.schedule as { at?: { message?: string } } | undefined)?.at?.message;
  const zone = savedZone ?? browserZone ?? "UTC";
  const zoneHint = savedZone ? `Time zone: ${savedZone}, as saved with the draft` : `In your browser's time zone: ${browserZone ?? "…"}`;
  const save = (mode: "now" | "at", value: string) => {
    setValue("schedule", mode === "now" ? { mode } : { mode, at: localInputToIso(value, zone) ?? "", timeZone: zone }, {
      shouldDirty: true,
      shouldValidate: formState.isSubmitted,
    });
  };

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Schedule</legend>
      <div className="flex gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="schedule-mode" checked={schedule.mode === "now"} onChange={() => save("now", local)} />
          Start now
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="schedule-mode" checked={schedule.mode === "at"} onChange={() => save("at", local)} />
          Start at
        </label>
      </div>
      {schedule.mode === "at" ? (
        <Field id="schedule-at" label="Start date and time" hint={zoneHint} error={error}>
          <Input
            type="datetime-local"
            className="w-64"
            value={local}
            onChange={(e) => {
              setLocal(e.target.value);
              save("at", e.target.value);
            }}
          />
        </Field>
      ) : null}
    </fieldset>
  );
}
