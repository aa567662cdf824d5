"use client";
// The first message of each chat: free text for SMS (with {{placeholders}}), an approved template for WhatsApp.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { availablePlaceholders } from "./column-mapping";
import type { ComposerValues } from "./form-values";
import { TemplateFields } from "./template-fields";

export function MessageSection({ columns }: { columns: string[] }) {
  const { control } = useFormContext<ComposerValues>();
  const channel = useWatch({ control, name: "channel" });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Message</CardTitle>
        <CardDescription>
          {channel === "whatsapp"
            ? "WhatsApp conversations must open with an approved message template."
            : "The text each recipient receives when the chat starts."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">{channel === "whatsapp" ? <TemplateFields columns={columns} /> : <SmsMessageFields />}</CardContent>
    </Card>
  );
}

function SmsMessageFields() {
  const { control, register, setValue, getValues, formState } = useFormContext<ComposerValues>();
  const message = useWatch({ control, name: "message" });
  const mapping = useWatch({ control, name: "recipients.mapping" });
  // Kept while "No initial message" is chosen, so switching back restores what was written.
  const [lastText, setLastText] = useState({ text: "", contentType: "text/plain" as "text/plain" | "text/markdown" });
  const messageError = formState.errors.message as { message?: string; text?: { message?: string } } | undefined;

  const choose = (kind: "none" | "text") => {
    const current = getValues("message");
    if (kind === current.kind) return;
    if (current.kind === "text") setLastText({ text: current.text, contentType: current.contentType });
    setValue("message", kind === "none" ? { kind: "none" } : { kind: "text", ...lastText }, { shouldDirty: true });
  };

  const placeholders = availablePlaceholders(mapping);
  const hint =
    placeholders.length > 0
      ? `Placeholders: ${placeholders.map((p) => `{{${p}}}`).join(", ")}. Map more columns as message variables to use them.`
      : "Map a column as a message variable, or choose a name column, to personalise with {{placeholders}}.";

  return (
    <>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Initial message</legend>
        <div className="flex gap-4">
          {(
            [
              ["text", "Text message"],
              ["none", "No initial message"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="message-kind" value={value} checked={message.kind === value} onChange={() => choose(value)} />
              {label}
            </label>
          ))}
        </div>
        {message.kind === "none" ? (
          <p className="mt-2 text-xs text-muted-foreground">The chat opens without a message; the contact flow decides what is sent.</p>
        ) : null}
      </fieldset>
      {message.kind === "text" ? (
        <>
          <Field id="message-content-type" label="Content type">
            <Select {...register("message.contentType")}>
              <option value="text/plain">Plain text (text/plain)</option>
              <option value="text/markdown">Markdown (text/markdown)</option>
            </Select>
          </Field>
          <Field
            id="message-text"
            label="Message"
            hint={`${hint} ${message.text.length}/1,024 characters.`}
            error={messageError?.text?.message ?? messageError?.message}
          >
            <Textarea rows={5} {...register("message.text")} />
          </Field>
        </>
      ) : null}
    </>
  );
}
