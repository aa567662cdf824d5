"use client";
// What happens in the chat: a customer message, an event (typing, receipts) or a disconnect. The content types offered
// are the ones Connect takes for that event type, and a DISCONNECT has neither content type nor content.
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import {
  CHAT_EVENT_TYPES,
  CONTENT_TYPES_BY_EVENT,
  CONTENT_TYPE_LABEL,
  MESSAGE_TEXT_MAX,
  RECEIPT_CONTENT_TYPES,
  type ChatEventType,
} from "@/lib/chat-events/contract";
import type { EventFormValues } from "./form-values";

const EVENT_LABEL: Record<ChatEventType, string> = {
  MESSAGE: "MESSAGE — the customer writes",
  EVENT: "EVENT — typing, delivered, read",
  DISCONNECT: "DISCONNECT — the customer leaves",
};

function contentHint(eventType: ChatEventType, contentType: string): string {
  if (eventType === "MESSAGE")
    return `Plain text, up to ${MESSAGE_TEXT_MAX.toLocaleString("en-US")} characters. An opt-out or opt-in keyword alone changes the suppression list.`;
  if (RECEIPT_CONTENT_TYPES.includes(contentType)) return 'Required: the acknowledged message as JSON, e.g. {"messageId":"…"}';
  return "Optional for this event.";
}

export function EventFields() {
  const { control, register, setValue, formState } = useFormContext<EventFormValues>();
  const { errors, isSubmitted } = formState;
  const [eventType, contentType, content] = useWatch({ control, name: ["eventType", "contentType", "content"] });
  const allowed = CONTENT_TYPES_BY_EVENT[eventType] ?? [];

  const pickType = (next: ChatEventType) => {
    const opts = { shouldDirty: true, shouldValidate: isSubmitted };
    setValue("eventType", next, opts);
    setValue("contentType", CONTENT_TYPES_BY_EVENT[next][0] ?? "", opts);
    if (next === "DISCONNECT") setValue("content", "", opts);
  };

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field id="event-type" label="Event type" error={errors.eventType?.message}>
        <Select data-testid="chat-event-type" value={eventType} onChange={(e) => pickType(e.target.value as ChatEventType)}>
          {CHAT_EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVENT_LABEL[t]}
            </option>
          ))}
        </Select>
      </Field>
      {eventType !== "DISCONNECT" ? (
        <Field id="event-content-type" label="Content type" error={errors.contentType?.message}>
          <Select
            data-testid="chat-event-content-type"
            value={contentType ?? ""}
            onChange={(e) => setValue("contentType", e.target.value, { shouldDirty: true, shouldValidate: isSubmitted })}
          >
            {allowed.map((t) => (
              <option key={t} value={t}>
                {CONTENT_TYPE_LABEL[t] ?? t}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <p className="self-end text-sm text-muted-foreground">
          A DISCONNECT carries no content: it ends the customer&apos;s active chat on this number, if there is one.
        </p>
      )}
      {eventType !== "DISCONNECT" ? (
        <div className="md:col-span-2">
          <Field
            id="event-content"
            label={eventType === "MESSAGE" ? "Message" : "Content"}
            hint={contentHint(eventType, contentType ?? "")}
            error={errors.content?.message}
          >
            <Textarea rows={3} data-testid="chat-event-content" {...register("content")} />
          </Field>
          {eventType === "MESSAGE" ? (
            <p className="mt-1 text-right text-xs text-muted-foreground" aria-live="polite">
              {(content ?? "").length.toLocaleString("en-US")} / {MESSAGE_TEXT_MAX.toLocaleString("en-US")}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
