"use client";
// The first message of each chat: free text for SMS (with {{placeholders}}), an approved template for WhatsApp.
import { useEffect, useMemo, useRef, useState } from "react";
import { useFormContext, useWatch, type FieldError } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { replacePlaceholder } from "@/lib/recipients/placeholders";
import { availablePlaceholders, placeholderIssues, type PlaceholderIssue } from "./column-mapping";
import { PLACEHOLDER_ERROR } from "./field-errors";
import type { ComposerValues } from "./form-values";
import { PlaceholderChips, PlaceholderIssues } from "./placeholder-chips";
import type { SampleRecipient } from "./sample-recipient";
import { SmsSegmentsNote } from "./sms-segments-note";
import { insertPlaceholder } from "./placeholder-insert";
import { TemplateFields } from "./template-fields";

/** `sample`: the list's first recipient by column, for the template preview. */
export function MessageSection({ columns, sample }: { columns: string[]; sample: SampleRecipient | null }) {
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
      <CardContent className="grid gap-4">
        {channel === "whatsapp" ? <TemplateFields columns={columns} sample={sample} /> : <SmsMessageFields columns={columns} />}
      </CardContent>
    </Card>
  );
}

function SmsMessageFields({ columns }: { columns: string[] }) {
  const { control, register, setValue, getValues } = useFormContext<ComposerValues>();
  const message = useWatch({ control, name: "message" });
  // Kept while "No initial message" is chosen, so switching back restores what was written.
  const [lastText, setLastText] = useState({ text: "", contentType: "text/plain" as "text/plain" | "text/markdown" });

  const choose = (kind: "none" | "text") => {
    const current = getValues("message");
    if (kind === current.kind) return;
    if (current.kind === "text") setLastText({ text: current.text, contentType: current.contentType });
    setValue("message", kind === "none" ? { kind: "none" } : { kind: "text", ...lastText }, { shouldDirty: true });
  };

  return (
    <>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Initial message</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
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
          <MessageTextField text={message.text} columns={columns} />
        </>
      ) : null}
    </>
  );
}

/**
 * The text, laid out by hand rather than with Field: it is described by its hint, its error and the placeholders
 * nothing fills, and is followed by a button for each placeholder the recipients can fill.
 */
function MessageTextField({ text, columns }: { text: string; columns: string[] }) {
  const { control, register, setValue, getValues, clearErrors, formState } = useFormContext<ComposerValues>();
  const mapping = useWatch({ control, name: "recipients.mapping" });
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  // The cursor as last seen in the message; until the user puts it there, placeholders go at the end.
  const selection = useRef<{ start: number; end: number } | null>(null);
  const messageError = formState.errors.message as (FieldError & { text?: FieldError }) | undefined;

  const choices = availablePlaceholders(mapping, columns);
  // Without a header (an upload the page has not read) columns cannot be judged here; the check still judges them.
  const judged = columns.length > 0;
  const issues = useMemo(() => (judged ? placeholderIssues(text, mapping, columns) : []), [judged, text, mapping, columns]);
  const fieldError = messageError?.text ?? messageError;
  // The check's complaint about placeholders is the judgement the list of issues makes again as the message changes.
  const superseded = fieldError?.type === PLACEHOLDER_ERROR && judged;
  const error = superseded ? undefined : fieldError?.message;
  useEffect(() => {
    if (superseded && issues.length === 0) clearErrors("message.text");
  }, [superseded, issues.length, clearErrors]);

  const write = (next: string, caret: number) => {
    setValue("message.text", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    selection.current = { start: caret, end: caret };
    // Back in the message with the cursor after the change, as if it had been typed.
    textarea.current?.focus();
    textarea.current?.setSelectionRange(caret, caret);
  };
  const insert = (name: string) => {
    const current = getValues("message.text");
    const { start, end } = selection.current ?? { start: current.length, end: current.length };
    const inserted = insertPlaceholder(current, start, end, name);
    write(inserted.text, inserted.caret);
  };
  const apply = (issue: PlaceholderIssue) => {
    if (issue.suggestion === undefined) return;
    const next = replacePlaceholder(getValues("message.text"), issue.name, issue.suggestion);
    write(next, next.length);
  };

  const { ref: registerRef, ...textField } = register("message.text");
  const describedBy = [error ? "message-text-error" : null, issues.length > 0 ? "message-text-issues" : null, "message-text-hint"].filter(Boolean).join(" ");
  const hint =
    choices.length > 0
      ? "A {{placeholder}} takes each recipient's value: insert one below, or type a column's name in braces."
      : "Add recipients, or choose a name column, to personalise with {{placeholders}}.";

  return (
    <div className="grid min-w-0 gap-1.5">
      <Label htmlFor="message-text">Message</Label>
      <Textarea
        id="message-text"
        rows={5}
        aria-invalid={error || issues.length > 0 ? true : undefined}
        aria-describedby={describedBy}
        {...textField}
        ref={(element) => {
          registerRef(element);
          textarea.current = element;
        }}
        onSelect={(e) => {
          selection.current = { start: e.currentTarget.selectionStart, end: e.currentTarget.selectionEnd };
        }}
      />
      {error ? (
        <p id="message-text-error" role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
      <PlaceholderIssues id="message-text-issues" issues={issues} onApply={apply} />
      <p id="message-text-hint" className="text-xs text-muted-foreground">
        {hint} {text.length.toLocaleString("en-US")}/1,024 characters.
      </p>
      <SmsSegmentsNote text={text} className="text-xs" />
      <PlaceholderChips id="message-text-placeholders" choices={choices} onInsert={insert} />
    </div>
  );
}
