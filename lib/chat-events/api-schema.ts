// The automation API's chat event body: the Chat events form's fields, with the Connect number also accepted as its
// E.164 phone number and new-chat attributes as a plain object. Every rule of the form's schema applies. Pure.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { SUPPORTED_MESSAGING_CONTENT_TYPES, sendChatEventSchema, type SendChatEventInput } from "./schemas";

const form = sendChatEventSchema.in.shape;

// The form schema requires a number id; when the caller named the number by phone, its id is only known after asking
// Connect, so the rest of the body is checked with this stand-in and issues about the id itself are left out.
const UNRESOLVED_NUMBER = "(resolved from destinationPhoneNumber)";

const attributeRows = z.array(z.object({ key: safeText(), value: safeText() }));

const apiNewSessionSchema = z.object({
  participantDisplayName: safeText().optional(),
  attributes: z
    .union([z.record(safeText(), safeText()), attributeRows], { error: 'Give attributes as an object of strings, e.g. {"orderId":"1042"}' })
    .optional()
    .describe("Contact attributes of the new chat: an object of string values, or [{key, value}]"),
  supportedMessagingContentTypes: z.array(z.enum(SUPPORTED_MESSAGING_CONTENT_TYPES, { error: "Not a messaging content type Connect supports" })).optional(),
  streamingEndpointArn: safeText().optional().describe("SNS topic ARN that receives the chat's messages"),
});

const apiFields = z.object({
  instanceId: form.instanceId.describe("The Connect instance id"),
  destinationPhoneNumber: safeText()
    .trim()
    .max(40, "Use at most 40 characters")
    .optional()
    .describe("The instance's number the customer writes to, in E.164 (e.g. +12065550142). Give this or phoneNumberId."),
  phoneNumberId: safeText()
    .trim()
    .max(500, "At most 500 characters")
    .optional()
    .describe("Id or ARN of the instance's number. Give this or destinationPhoneNumber."),
  channel: form.channel,
  customerPhone: form.customerPhone.describe("The customer's number in E.164: the chat's SourceId"),
  eventType: form.eventType,
  contentType: form.contentType.describe("text/plain for MESSAGE; for EVENT one of the application/vnd.amazonaws.connect.event.* types; empty for DISCONNECT"),
  content: form.content.describe('The message text for MESSAGE; {"messageId":"…"} for delivered and read receipts; empty otherwise'),
  newSession: apiNewSessionSchema.optional().describe("Used by Connect only when the event starts a new chat"),
});

type ApiFields = z.output<typeof apiFields>;

/** The form's input for these fields, less the number. */
function formInput(v: ApiFields): Omit<SendChatEventInput, "phoneNumberId"> {
  const { instanceId, channel, customerPhone, eventType, contentType, content, newSession } = v;
  const attributes = newSession?.attributes;
  return {
    instanceId,
    channel,
    customerPhone,
    eventType,
    contentType,
    content,
    newSession: newSession && {
      ...newSession,
      attributes: Array.isArray(attributes) ? attributes : Object.entries(attributes ?? {}).map(([key, value]) => ({ key, value })),
    },
  };
}

const E164_HINT = "Give the Connect number in E.164, with + and its country code, e.g. +12065550142";
// Connect lists its numbers in E.164 already; only the spacing people add around digits is taken off, and no
// numbering-plan check is made, so that any number Connect has claimed can be named.
const E164 = /^\+[1-9]\d{1,14}$/;
const asE164 = (value: string) => value.replace(/[\s().-]/g, "");

export const apiChatEventSchema = apiFields
  .superRefine((v, ctx) => {
    if (!v.destinationPhoneNumber && !v.phoneNumberId) {
      ctx.addIssue({
        code: "custom",
        path: ["destinationPhoneNumber"],
        message: "Give destinationPhoneNumber (the number in E.164) or phoneNumberId (its id or ARN)",
      });
    } else if (v.destinationPhoneNumber && v.phoneNumberId) {
      ctx.addIssue({ code: "custom", path: ["destinationPhoneNumber"], message: "Give destinationPhoneNumber or phoneNumberId, not both" });
    } else if (v.destinationPhoneNumber && !E164.test(asE164(v.destinationPhoneNumber))) {
      ctx.addIssue({ code: "custom", path: ["destinationPhoneNumber"], message: E164_HINT });
    }
    const checked = sendChatEventSchema.safeParse({ ...formInput(v), phoneNumberId: v.phoneNumberId || UNRESOLVED_NUMBER });
    for (const issue of checked.error?.issues ?? []) {
      if (issue.path[0] !== "phoneNumberId") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  })
  .transform((v) => ({
    destination: v.phoneNumberId
      ? ({ by: "id", phoneNumberId: v.phoneNumberId } as const)
      : ({ by: "phone", phoneNumber: asE164(v.destinationPhoneNumber!) } as const),
    event: formInput(v),
  }));

export type ApiChatEventInput = z.input<typeof apiChatEventSchema>;
export type ApiChatEvent = z.output<typeof apiChatEventSchema>;
