"use client";
// The send form: a supervisor plays the customer's side of an SMS or WhatsApp chat through SendChatIntegrationEvent.
// After a send, the chat (instance, number, customer) stays filled in so the conversation can go on.
import { useState } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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

export function SendEventForm() {
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

  return (
    <Card>
      <CardHeader>
        <CardTitle>Send a chat event</CardTitle>
        <CardDescription>
          Delivers a customer&apos;s message, an event or a disconnect into Connect with SendChatIntegrationEvent, as an SMS or WhatsApp integration would. A
          message from a customer with no active chat on the number starts one.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <FormProvider {...form}>
          <form onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-label="Send a chat event" className="grid gap-5" data-testid="chat-event-form">
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
      </CardContent>
    </Card>
  );
}
