// The send form's check, sendChatEventSchema: it brings zod and the phone-number metadata the customer's number is
// judged by, so the form loads it on first use (send-event-form.tsx) rather than with the page.
import { zodResolver } from "@hookform/resolvers/zod";
import { sendChatEventSchema } from "@/lib/chat-events/schemas";

export const sendEventResolver = zodResolver(sendChatEventSchema);
