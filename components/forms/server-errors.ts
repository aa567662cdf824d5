import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ErrorBody } from "@/lib/errors";

/** Puts a server action's field errors next to their fields; returns the message for the form as a whole. */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: ErrorBody): string | null {
  const fields = Object.entries(error.fields ?? {});
  const known = new Set(Object.keys(form.getValues()));
  let placed = false;
  for (const [name, message] of fields) {
    if (known.has(name)) {
      form.setError(name as Path<T>, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed && error.code === "invalid" ? null : error.message;
}
