"use client";
// The campaign's send window: the Settings default, any time (e.g. an outage notice), or hours of its own, always in
// each recipient's time zone. Preflight then says how many recipients wait and when their window opens.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { OFFICE_HOURS, SendWindowEditor, fromWindowRows, toWindowRows, type WindowRows } from "@/app/(console)/settings/send-window-editor";
import type { SendWindow } from "@/lib/settings/send-window-math";
import type { ComposerValues } from "./form-values";

type Mode = "default" | "none" | "own";

/** The form's nested errors as "sendWindow.days.mon.to" → message, as the editor reads them. */
function flatErrors(node: unknown, path: string, out: Record<string, string>): Record<string, string> {
  if (!node || typeof node !== "object") return out;
  const message = (node as { message?: unknown }).message;
  if (typeof message === "string") out[path] = message;
  for (const [key, child] of Object.entries(node)) if (key !== "message" && key !== "ref" && key !== "type") flatErrors(child, `${path}.${key}`, out);
  return out;
}

export function SendWindowField() {
  const { control, setValue, formState } = useFormContext<ComposerValues>();
  const value = useWatch({ control, name: "sendWindow" });
  const mode: Mode = value === undefined || value === "default" ? "default" : value === "none" ? "none" : "own";
  const [rows, setRows] = useState<WindowRows>(toWindowRows(typeof value === "object" ? (value as SendWindow) : OFFICE_HOURS));
  const choose = (next: Mode) => setValue("sendWindow", next === "own" ? fromWindowRows(rows) : next, { shouldDirty: true });
  const edit = (next: WindowRows) => {
    setRows(next);
    setValue("sendWindow", fromWindowRows(next), { shouldDirty: true });
  };
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Send window</legend>
      <p className="text-xs text-muted-foreground">
        When recipients may be contacted, in each one&apos;s own time zone (from the number&apos;s country and area code). Recipients outside it wait and are
        sent when it opens.
      </p>
      <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="Send window">
        {(
          [
            ["default", "Settings default"],
            ["none", "Any time"],
            ["own", "Hours of its own"],
          ] as const
        ).map(([m, label]) => (
          <label key={m} className="flex items-center gap-2">
            <input type="radio" name="campaign-send-window" checked={mode === m} onChange={() => choose(m)} />
            {label}
          </label>
        ))}
      </div>
      {mode === "own" ? (
        <SendWindowEditor
          idPrefix="campaign-send-window"
          errorPrefix="sendWindow"
          rows={rows}
          onChange={edit}
          errors={flatErrors(formState.errors.sendWindow, "sendWindow", {})}
          disabled={false}
        />
      ) : null}
    </fieldset>
  );
}
