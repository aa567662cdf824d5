"use client";
// NewSessionDetails: Connect reads them only when the event starts a new chat, so they sit folded away. Left empty,
// none are sent.
import { useEffect, useRef } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SUPPORTED_MESSAGING_CONTENT_TYPES } from "@/lib/chat-events/contract";
import type { EventFormValues } from "./form-values";

type FieldError = { message?: string; root?: { message?: string } } | undefined;

export function NewSessionFields() {
  const { control, register, formState } = useFormContext<EventFormValues>();
  const errors = formState.errors.newSession;
  const attributes = useFieldArray({ control, name: "newSession.attributes" });
  const listError = errors?.attributes as FieldError;
  const typesError = errors?.supportedMessagingContentTypes as FieldError;
  const hasErrors = errors !== undefined;
  const details = useRef<HTMLDetailsElement>(null);
  // Unfolds to show a problem, but never folds away under the user's hands.
  useEffect(() => {
    if (hasErrors && details.current) details.current.open = true;
  }, [hasErrors]);

  return (
    <details ref={details} className="rounded-md border border-border px-4 py-3" data-testid="chat-event-new-session">
      <summary className="cursor-pointer text-sm font-medium">New chat details</summary>
      <div className="mt-4 grid gap-4">
        <p className="text-xs text-muted-foreground">Used only when this event starts a new chat; an event that joins an active chat ignores them.</p>
        <Field
          id="event-display-name"
          label="Customer display name"
          hint="ParticipantDetails.DisplayName; optional"
          error={errors?.participantDisplayName?.message}
        >
          <Input autoComplete="off" maxLength={256} {...register("newSession.participantDisplayName")} />
        </Field>

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Contact attributes</legend>
          <p className="text-xs text-muted-foreground">Letters, digits, - and _ in keys; at most 32,768 bytes over all keys and values.</p>
          {attributes.fields.map((row, i) => (
            <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2" data-testid="chat-event-attribute-row">
              <Field id={`event-attribute-${i}-key`} label="Key" error={errors?.attributes?.[i]?.key?.message}>
                <Input autoComplete="off" {...register(`newSession.attributes.${i}.key`)} />
              </Field>
              <Field id={`event-attribute-${i}-value`} label="Value" error={errors?.attributes?.[i]?.value?.message}>
                <Input autoComplete="off" {...register(`newSession.attributes.${i}.value`)} />
              </Field>
              <Button type="button" variant="ghost" size="sm" className="mt-6" aria-label={`Remove attribute ${i + 1}`} onClick={() => attributes.remove(i)}>
                Remove
              </Button>
            </div>
          ))}
          {listError?.message || listError?.root?.message ? (
            <p role="alert" className="text-xs font-medium text-destructive">
              {listError.message ?? listError.root?.message}
            </p>
          ) : null}
          <div>
            <Button type="button" variant="outline" size="sm" data-testid="chat-event-add-attribute" onClick={() => attributes.append({ key: "", value: "" })}>
              Add attribute
            </Button>
          </div>
        </fieldset>

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Supported messaging content types</legend>
          <p className="text-xs text-muted-foreground">Optional; when any is chosen, Connect requires text/plain among them.</p>
          <div className="grid gap-1">
            {SUPPORTED_MESSAGING_CONTENT_TYPES.map((t) => (
              <label key={t} className="flex items-center gap-2 font-mono text-xs">
                <input type="checkbox" value={t} {...register("newSession.supportedMessagingContentTypes")} />
                {t}
              </label>
            ))}
          </div>
          {typesError?.message ? (
            <p role="alert" className="text-xs font-medium text-destructive">
              {typesError.message}
            </p>
          ) : null}
        </fieldset>

        <Field
          id="event-streaming-arn"
          label="Streaming endpoint ARN"
          hint="Optional SNS topic that receives the chat's messages, e.g. arn:aws:sns:us-east-1:123456789012:chat-stream"
          error={errors?.streamingEndpointArn?.message}
        >
          <Input autoComplete="off" maxLength={350} className="font-mono text-xs" {...register("newSession.streamingEndpointArn")} />
        </Field>
      </div>
    </details>
  );
}
