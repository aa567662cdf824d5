// The rest of the request that started the chat, in one compact line under its message: who it came from, for how
// long, and what it carried besides the message.
import type { ReactNode } from "react";
import type { OpeningRequest } from "@/lib/contacts/opening-event";

function Item({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <span className="mr-3 inline-block" data-testid={testId}>
      <span className="text-muted-foreground">{label}: </span>
      {children}
    </span>
  );
}

export function OpeningRequestDetails({ request, flowName = null }: { request: OpeningRequest | null; flowName?: string | null }) {
  if (!request) {
    return (
      <p className="mt-1 text-xs text-muted-foreground" data-testid="contact-event-start-not-recorded">
        The request was not recorded for this test send.
      </p>
    );
  }
  const attributes = Object.entries(request.attributes);
  return (
    <p className="mt-1 text-xs leading-5" data-testid="contact-event-start-request">
      {request.participantDisplayName ? (
        <Item label="Display name" testId="start-display-name">
          {request.participantDisplayName}
        </Item>
      ) : null}
      {request.chatDurationMinutes !== null ? (
        <Item label="Chat duration" testId="start-chat-duration">
          {request.chatDurationMinutes.toLocaleString("en-US")} min
        </Item>
      ) : null}
      {attributes.length > 0 ? (
        <Item label="Attributes" testId="start-attributes">
          <span className="font-mono break-all">{attributes.map(([k, v]) => `${k}=${v}`).join(", ")}</span>
        </Item>
      ) : null}
      {request.supportedContentTypes.length > 0 ? (
        <Item label="Content types" testId="start-content-types">
          <span className="font-mono">{request.supportedContentTypes.join(", ")}</span>
        </Item>
      ) : null}
      {request.message.kind === "template" ? (
        <Item label="Template id" testId="start-template-id">
          <span className="font-mono break-all">{request.message.messageTemplateId}</span>
        </Item>
      ) : null}
      {request.relatedContactId ? (
        <Item label="Related contact" testId="start-related-contact">
          <span className="font-mono">{request.relatedContactId}</span>
        </Item>
      ) : null}
      <Item label="Flow" testId="start-contact-flow">
        {flowName ? <span title={request.contactFlowId}>{flowName}</span> : <span className="font-mono break-all">{request.contactFlowId}</span>}
      </Item>
    </p>
  );
}
