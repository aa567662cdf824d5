// The send form's values: exactly the chatEvents.send input, so the form and the action check the same things.
import type { z } from "zod";
import type { sendChatEventSchema } from "@/lib/chat-events/schemas";

export type EventFormValues = z.input<typeof sendChatEventSchema>;
export type EventFormOutput = z.output<typeof sendChatEventSchema>;

export const EMPTY_NEW_SESSION = { participantDisplayName: "", attributes: [], supportedMessagingContentTypes: [], streamingEndpointArn: "" };

export function emptyEvent(): EventFormValues {
  return {
    instanceId: "",
    phoneNumberId: "",
    channel: "sms",
    customerPhone: "",
    eventType: "MESSAGE",
    contentType: "text/plain",
    content: "",
    newSession: { ...EMPTY_NEW_SESSION, attributes: [] },
  };
}
