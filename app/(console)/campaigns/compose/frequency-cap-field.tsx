"use client";
// The campaign's side of the frequency caps in Settings: exempt (service notices are sent whatever a number received
// lately; saved and audited with the campaign), or the settings' caps plus, optionally, stricter rules of its own.
import { useFormContext, useWatch } from "react-hook-form";
import { RulesEditor, type RuleRow } from "@/app/(console)/settings/frequency-caps-rules-editor";
import type { ComposerValues } from "./form-values";

export function FrequencyCapField() {
  const { control, setValue, formState } = useFormContext<ComposerValues>();
  const choice = useWatch({ control, name: "frequencyCap" });
  const rules = (useWatch({ control, name: "frequencyCapRules" }) ?? []) as RuleRow[];
  const exempt = choice === "exempt";
  const fieldErrors = formState.errors.frequencyCapRules;
  const errors: Record<string, string> = {};
  rules.forEach((_, i) => {
    const e = (fieldErrors as Record<number, Partial<Record<keyof RuleRow, { message?: string }>>> | undefined)?.[i];
    for (const key of ["count", "windowHours", "whenCapped"] as const) {
      const message = e?.[key]?.message;
      if (message) errors[`frequencyCapRules.${i}.${key}`] = message;
    }
  });
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Frequency caps</legend>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={exempt}
          onChange={(e) => setValue("frequencyCap", e.target.checked ? "exempt" : "default", { shouldDirty: true })}
        />
        Exempt from frequency caps (service notices such as an outage or a delivery change); recorded in the audit log
      </label>
      {exempt ? null : (
        <>
          <p className="text-xs text-muted-foreground">
            The caps in Settings → Frequency caps apply. Rules added here apply on top of them, for this campaign only.
          </p>
          <RulesEditor
            idPrefix="campaign-cap"
            errorPrefix="frequencyCapRules"
            rows={rules}
            onChange={(rows) => setValue("frequencyCapRules", rows, { shouldDirty: true })}
            errors={errors}
            disabled={false}
            emptyText="No rules of its own."
          />
        </>
      )}
    </fieldset>
  );
}
