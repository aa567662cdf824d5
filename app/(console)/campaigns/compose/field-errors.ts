// Server actions name field problems by dotted path ("recipients.mapping.phoneColumn"); the shared components/forms
// helper only places top-level names, so the composer places nested ones itself.
import type { FieldPath, UseFormSetError } from "react-hook-form";
import type { ComposerValues } from "./form-values";

/** Sets each field error (optionally under `prefix`, e.g. "campaign." for test sends); returns how many it placed. */
export function applyFieldErrors(setError: UseFormSetError<ComposerValues>, fields: Record<string, string> | undefined, prefix = ""): number {
  let placed = 0;
  for (const [key, message] of Object.entries(fields ?? {})) {
    if (prefix && !key.startsWith(prefix)) continue;
    const path = key.slice(prefix.length);
    if (path === "" || path === "_") continue;
    setError(path as FieldPath<ComposerValues>, { type: "server", message }, { shouldFocus: placed === 0 });
    placed++;
  }
  return placed;
}
