"use client";
// The send form's fields and button (send-event-form.tsx holds its card and heading and loads this on demand): a
// supervisor plays the customer's side of an SMS or WhatsApp chat through SendChatIntegrationEvent. After a send, the
// chat (instance, number, customer) stays filled in so the conversation can go on.
import { useState } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/forms/call-action";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { sendChatEventAction } from "./actions";
import { DestinationFields } from "./destination-fields";
import { EventFields } from "./event-fields";
import { CHAT_EVENTS_KEY } from "./events-api";
import { emptyEvent, type EventFormOutput, type EventFormValues } from "./form-values";
import { NewSessionFields } from "./new-session-fields";
import { SendResult, type SendOutcome } from "./send-result";

const resolver = lazyResolver<EventFormValues, unknown, EventFormOutput>(() => import("./send-event-resolver").then((m) => m.sendEventResolver));

export function SendEventFormBody() {
  const queryClient = useQueryClient();
  const form = useForm<EventFormValues, unknown, EventFormOutput>({ resolver, defaultValues: emptyEvent() });
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (parsed) => {
    setOutcome(null);
    // The action parses the form's own values: the parsed ones (attributes as a map) would not parse twice.
    const values = form.getValues();
    const res = await callAction(() => sendChatEventAction(values));
    // Connect may have stored an event either way, so the list is refreshed after failures too.
    void queryClient.invalidateQueries({ queryKey: CHAT_EVENTS_KEY });
    if (res.ok) {
      setOutcome({ ok: true, data: res.data, eventType: parsed.eventType, customerPhone: parsed.customerPhone });
      form.setValue("content", "");
      return;
    }
    let placed = 0;
    for (const [path, message] of Object.entries(res.error.fields ?? {})) {
      if (path === "_") continue;
      form.setError(path as FieldPath<EventFormValues>, { type: "server", message }, { shouldFocus: placed++ === 0 });
    }
    if (placed === 0 || res.error.code !== "invalid") setOutcome({ ok: false, message: res.error.message });
  });

  // The check loads on demand: a dropped connection stops the send before anything goes out, and the next press retries.
  const submit = (e: React.FormEvent<HTMLFormElement>) =>
    void onSubmit(e).catch(() =>
      setOutcome({ ok: false, message: "The form could not be checked: part of the page did not load. Check the connection and try again." }),
    );

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} onFocus={resolver.preload} noValidate aria-label="Send a chat event" className="grid gap-5" data-testid="chat-event-form">
        <DestinationFields />
        <EventFields />
        <NewSessionFields />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting} data-testid="chat-event-send">
            <Send className="size-4" aria-hidden />
            {isSubmitting ? "Sending…" : "Send event"}
          </Button>
        </div>
        {outcome ? <SendResult outcome={outcome} /> : null}
      </form>
    </FormProvider>
  );
}
