"use client";
// How each chat is started: duration, pacing and start time, with the rarer settings (content types, attributes,
// display name, related contact) folded under "Advanced", which opens by itself when one of them has a problem.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CONTENT_TYPES } from "@/lib/campaigns/content-types";
import { AttributesEditor } from "./attributes-editor";
import { DisplayNameField } from "./display-name-field";
import { EndTimeField } from "./end-time-field";
import { FlowEndsChatField } from "./flow-ends-chat-field";
import { FrequencyCapField } from "./frequency-cap-field";
import { SendWindowField } from "./send-window-field";
import type { ComposerValues } from "./form-values";
import { ScheduleField } from "./schedule-field";

export function SettingsSection({ columns }: { columns: string[] }) {
  const { control, register, setValue, formState } = useFormContext<ComposerValues>();
  const contentTypes = useWatch({ control, name: "contentTypes" }) ?? ["text/plain"];
  const { errors } = formState;
  const advancedError = Boolean(
    errors.flowEndsChatAfterSeconds || errors.contentTypes || errors.attributes || errors.participantDisplayName || errors.relatedContactId,
  );
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [errorsSeen, setErrorsSeen] = useState(false);
  // Opened once when a problem appears there, then left to the user.
  if (advancedError !== errorsSeen) {
    setErrorsSeen(advancedError);
    if (advancedError) setAdvancedOpen(true);
  }
  const toggle = (type: (typeof CONTENT_TYPES)[number], on: boolean) =>
    setValue("contentTypes", on ? [...contentTypes, type] : contentTypes.filter((t) => t !== type), { shouldDirty: true });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Delivery settings</CardTitle>
        <CardDescription>Applied to every chat the campaign starts.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <Field
            id="chat-duration"
            label="Chat duration (minutes)"
            hint="Every open chat counts against the instance's concurrent-chat quota until it ends. 60 to 10,080 (7 days)."
            error={errors.chatDurationMinutes?.message}
          >
            <Input type="number" min={60} max={10080} step={1} {...register("chatDurationMinutes")} />
          </Field>
          <Field id="sends-per-second" label="Sends per second" hint="Capped at the account's rate for starting chats." error={errors.sendsPerSecond?.message}>
            <Input type="number" min={0.1} max={1000} step="any" {...register("sendsPerSecond")} />
          </Field>
        </div>
        <ScheduleField />
        <EndTimeField />
        <FrequencyCapField />
        <SendWindowField />
        <details
          open={advancedOpen}
          onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
          className="rounded-md border border-border px-3 py-2"
          data-testid="advanced-settings"
        >
          <summary className="cursor-pointer text-sm font-medium">Advanced: content types, attributes, display name, related contact, how chats end</summary>
          <div className="mt-3 grid gap-5">
            {/* First in the fold: it belongs with the chat duration just above it. */}
            <FlowEndsChatField />
            <fieldset>
              <legend className="mb-2 text-sm font-medium">Supported content types</legend>
              <div className="grid gap-1.5">
                {CONTENT_TYPES.map((type) => (
                  <label key={type} className="flex items-center gap-2 text-sm">
                    {/* Connect always needs text/plain, so it stays on. */}
                    <input
                      type="checkbox"
                      checked={type === "text/plain" || contentTypes.includes(type)}
                      disabled={type === "text/plain"}
                      onChange={(e) => toggle(type, e.target.checked)}
                    />
                    <span className="font-mono text-xs">{type}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <AttributesEditor />
            <DisplayNameField columns={columns} />
            <Field
              id="related-contact-id"
              label="Related contact ID"
              hint="Optional: links every chat to an earlier contact."
              error={errors.relatedContactId?.message}
            >
              <Input autoComplete="off" {...register("relatedContactId")} />
            </Field>
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
