"use client";
// The send form's card. Its fields (send-event-form-body.tsx, with react-hook-form) load right after the page, which
// lists events first; a placeholder of the form's height stands in until then (a server-drawn form would show empty
// fields that drop what is typed into them before its code runs).
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { lazyComponent } from "@/components/lazy-component";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const SendEventFormBody = lazyComponent(() => import("./send-event-form-body").then((m) => m.SendEventFormBody));
if (typeof window !== "undefined") SendEventFormBody.preload();

export function SendEventForm() {
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
        <LoadBoundary browserOnly what="The send form" fallback={<LoadingBlock height="30rem" label="Loading the send form…" />}>
          <SendEventFormBody />
        </LoadBoundary>
      </CardContent>
    </Card>
  );
}
