"use client";
// The name the customer sees for the sender (participantDisplayName): none, one fixed name, or a value per recipient.
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ComposerValues } from "./form-values";

type Mode = "none" | "fixed" | "column";
const MODES: [Mode, string][] = [
  ["none", "None"],
  ["fixed", "Fixed name"],
  ["column", "From a column"],
];

export function DisplayNameField({ columns }: { columns: string[] }) {
  const { control, setValue, formState } = useFormContext<ComposerValues>();
  const value = useWatch({ control, name: "participantDisplayName" }) ?? { mode: "none" };
  const errors = formState.errors.participantDisplayName as { value?: { message?: string }; column?: { message?: string } } | undefined;
  const set = (next: ComposerValues["participantDisplayName"]) =>
    setValue("participantDisplayName", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  const choose = (mode: Mode) => set(mode === "none" ? { mode } : mode === "fixed" ? { mode, value: "" } : { mode, column: "" });

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Participant display name</legend>
      <div className="flex flex-wrap gap-4">
        {MODES.map(([mode, label]) => (
          <label key={mode} className="flex items-center gap-2 text-sm">
            <input type="radio" name="display-name-mode" checked={value.mode === mode} onChange={() => choose(mode)} />
            {label}
          </label>
        ))}
      </div>
      {value.mode === "fixed" ? (
        <Field id="display-name-value" label="Display name" error={errors?.value?.message}>
          <Input value={value.value} maxLength={256} onChange={(e) => set({ mode: "fixed", value: e.target.value })} />
        </Field>
      ) : null}
      {value.mode === "column" ? (
        <Field id="display-name-column" label="Display name column" error={errors?.column?.message}>
          <Select value={value.column} onChange={(e) => set({ mode: "column", column: e.target.value })}>
            <option value="">Choose a column</option>
            {columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </fieldset>
  );
}
