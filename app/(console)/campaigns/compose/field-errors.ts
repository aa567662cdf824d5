// Server actions name field problems by dotted path ("recipients.mapping.phoneColumn"); the shared components/forms
// helper only places top-level names, so the composer places nested ones itself. The recipient check names its
// problems by preflight's own option names ("messageTemplate", "phoneColumn"); those are moved to the form fields
// they concern, so each shows under its field instead of only in the banner.
import type { FieldPath, UseFormSetError } from "react-hook-form";
import type { ComposerValues } from "./form-values";

/** The error type of a server complaint about the message's {{placeholders}}, which the message field can re-judge itself. */
export const PLACEHOLDER_ERROR = "placeholders";

const PREFLIGHT_PATHS: Readonly<Record<string, string>> = {
  mapping: "recipients.mapping",
  phoneColumn: "recipients.mapping.phoneColumn",
  nameColumn: "recipients.mapping.nameColumn",
  timeZoneColumn: "recipients.mapping.timeZoneColumn",
  attributeColumns: "recipients.mapping.attributeColumns",
  variableColumns: "recipients.mapping.variableColumns",
  defaultCountry: "recipients.defaultCountry",
  // The allowed countries are the source number's.
  allowedCountries: "sourcePhoneNumberArn",
  fixedAttributes: "attributes",
  fixedVariables: "message.variables",
  requiredVariables: "message",
  messageTemplate: "message.text",
};

/** The form path for a field error's key: preflight's names moved into the form, form paths as they are. */
export function formPath(key: string): string {
  const dot = key.indexOf(".");
  const head = dot === -1 ? key : key.slice(0, dot);
  const path = Object.hasOwn(PREFLIGHT_PATHS, head) ? PREFLIGHT_PATHS[head] : undefined;
  return path === undefined ? key : path + key.slice(head.length);
}

/**
 * Sets each field error (optionally under `prefix`, e.g. "campaign." for test sends) and focuses the first; returns
 * the form paths it placed them on.
 */
export function applyFieldErrors(setError: UseFormSetError<ComposerValues>, fields: Record<string, string> | undefined, prefix = ""): string[] {
  const placed: string[] = [];
  for (const [key, message] of Object.entries(fields ?? {})) {
    if (prefix && !key.startsWith(prefix)) continue;
    const stripped = key.slice(prefix.length);
    if (stripped === "" || stripped === "_") continue;
    const path = formPath(stripped);
    const type = stripped === "messageTemplate" ? PLACEHOLDER_ERROR : "server";
    setError(path as FieldPath<ComposerValues>, { type, message }, { shouldFocus: placed.length === 0 });
    placed.push(path);
  }
  return placed;
}
