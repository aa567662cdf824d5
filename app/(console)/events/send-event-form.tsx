"use client";
// The send form's card. Its fields (send-event-form-body.tsx, with react-hook-form) load on demand rather than with
// the page, which lists events first: the server still renders them, so the form shows at once and becomes usable when
// its code has come; a placeholder of its height stands in if it has to be drawn in the browser first.
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { lazyComponent } from "@/components/lazy-component";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const SendEventFormBody = lazyComponent(() => import("./send-event-form-body").then((m) => m.SendEventFormBody));

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
        <LoadBoundary what="The send form" fallback={<LoadingBlock height="30rem" label="Loading the send form…" />}>
          <SendEventFormBody />
        </LoadBoundary>
      </CardContent>
    </Card>
  );
}
