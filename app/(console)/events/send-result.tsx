"use client";
// What Connect did with the event just sent: a new chat or the active one (linked to its contact page), what the
// message changed in the console, or why it failed.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { SendChatEventResult } from "@/lib/chat-events/actions";
import type { ChatEventType } from "@/lib/chat-events/contract";

export type SendOutcome = { ok: true; data: SendChatEventResult; eventType: ChatEventType; customerPhone: string } | { ok: false; message: string };

function headline(data: SendChatEventResult, eventType: ChatEventType): string {
  if (eventType === "DISCONNECT") return data.contactId ? "Chat ended" : "No active chat to end: Connect had none for this customer on this number";
  return data.newChatCreated ? "New chat created" : "Joined the customer's active chat";
}

function optOutLine(data: SendChatEventResult, phone: string): string | null {
  if (data.optOut === "stop")
    return data.suppressionChanged
      ? `${phone} opted out: added to the suppression list.`
      : `${phone} opted out; the number was already on the suppression list.`;
  if (data.optOut === "start")
    return data.suppressionChanged
      ? `${phone} opted back in: removed from the suppression list.`
      : `${phone} opted in; the number was not on the suppression list.`;
  return null;
}

export function SendResult({ outcome }: { outcome: SendOutcome }) {
  if (!outcome.ok) {
    return (
      <Alert tone="error" data-testid="chat-event-result-error">
        {outcome.message}
      </Alert>
    );
  }
  const { data, eventType, customerPhone } = outcome;
  const optOut = optOutLine(data, customerPhone);
  return (
    <Alert tone="success" data-testid="chat-event-result" className="grid gap-1">
      <p className="font-medium" data-testid="chat-event-result-headline" data-new-chat={data.newChatCreated ? "true" : "false"}>
        {headline(data, eventType)}
      </p>
      {data.contactId ? (
        <p>
          ContactId{" "}
          <Link href={`/contacts/${encodeURIComponent(data.contactId)}`} className="font-mono text-xs underline" data-testid="chat-event-result-contact">
            {data.contactId}
          </Link>
        </p>
      ) : null}
      {data.reply ? (
        <p data-testid="chat-event-result-reply">
          Recorded as a reply to{" "}
          <Link href={`/campaigns/${data.reply.campaignId}`} className="underline">
            the campaign
          </Link>{" "}
          that last messaged this customer from this number.
        </p>
      ) : null}
      {optOut ? <p data-testid="chat-event-result-opt-out">{optOut}</p> : null}
    </Alert>
  );
}
