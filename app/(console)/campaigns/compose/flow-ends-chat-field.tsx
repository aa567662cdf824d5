"use client";
// The user's word that the flow ends each chat itself (it disconnects after sending, say): the plan then counts a
// chat's slot of the concurrent chat quota as free that many seconds after the chat starts. Unticked means empty.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComposerValues } from "./form-values";

/** Seconds offered when the box is ticked: a flow that sends and hangs up is done within a minute. */
export const DEFAULT_FLOW_ENDS_SECONDS = 60;
const HINT =
  "Chats hold a slot of the instance's concurrent chat quota until they end. If the flow disconnects after sending, say after how long, and the plan counts on it.";

export function FlowEndsChatField() {
  const { control, register, setValue, formState } = useFormContext<ComposerValues>();
  const value = useWatch({ control, name: "flowEndsChatAfterSeconds" });
  const given = value !== undefined && value !== "";
  const [on, setOn] = useState(given);
  // A value that arrives from elsewhere (a draft being opened) ticks the box.
  if (given && !on) setOn(true);
  const set = (next: number | "") => setValue("flowEndsChatAfterSeconds", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  const field = register("flowEndsChatAfterSeconds");

  return (
    <div className="grid gap-2">
      <label className="flex items-start gap-2 text-sm font-medium">
        <input
          type="checkbox"
          className="mt-0.5"
          aria-describedby="flow-ends-chat-hint"
          checked={on}
          onChange={(e) => {
            setOn(e.target.checked);
            set(e.target.checked ? DEFAULT_FLOW_ENDS_SECONDS : "");
          }}
        />
        This flow ends each chat itself
      </label>
      <p id="flow-ends-chat-hint" className="text-xs text-muted-foreground">
        {HINT}
      </p>
      {on ? (
        <Field
          id="flow-ends-chat-after"
          label="Seconds after the chat starts"
          hint="Whole seconds, 1 to 604,800 (7 days); a chat never outlasts its chat duration."
          error={formState.errors.flowEndsChatAfterSeconds?.message}
        >
          <Input
            type="number"
            min={1}
            max={604800}
            step={1}
            className="max-w-40"
            {...field}
            onBlur={(e) => {
              void field.onBlur(e);
              // Left empty, the box says nothing either: untick it so the form shows what the plan will use.
              if (e.target.value === "") setOn(false);
            }}
          />
        </Field>
      ) : null}
    </div>
  );
}
