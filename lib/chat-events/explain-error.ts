// What a failed SendChatIntegrationEvent means for the person who sent it. Connect's raw AccessDeniedException says
// nothing about the real cause, so that one is explained; other errors keep Connect's own name, message and request id.
// Pure: the result panel and the list show the same words.

export interface ChatEventFailure {
  name: string;
  message: string;
  requestId?: string | null;
}

export const ACCESS_DENIED_EXPLANATION =
  "Amazon Connect refused the event (AccessDeniedException). AWS restricts SendChatIntegrationEvent to AWS End User Messaging " +
  "integrations: it delivers an SMS or WhatsApp customer's message into Connect on behalf of an End User Messaging number, and " +
  "Connect refuses callers and destinations that do not fit that. Check that the console's IAM identity is allowed " +
  "connect:SendChatIntegrationEvent, and that the destination is the number's End User Messaging phone-number ARN " +
  "(arn:aws:sms-voice:… or arn:aws:social-messaging:…) associated with this Connect instance.";

export function explainChatEventError(f: ChatEventFailure): string {
  const rid = f.requestId ? ` (AWS request id ${f.requestId})` : "";
  if (f.name === "AccessDeniedException") return `${ACCESS_DENIED_EXPLANATION} Connect said: ${f.message}${rid}`;
  return `Amazon Connect answered ${f.name}: ${f.message}${rid}`;
}
