// What a person may send with SendChatIntegrationEvent from the Chat events page: one zod schema for the form and the
// chatEvents.send action, mirroring the Connect contract so that whatever it accepts, Connect accepts. Pure.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { normalizePhone } from "@/lib/recipients/normalize-phone";
import {
  ATTRIBUTE_KEY,
  ATTRIBUTES_MAX_BYTES,
  CHAT_CONTENT_MAX,
  CHAT_EVENT_TYPES,
  CONTENT_TYPES_BY_EVENT,
  MESSAGE_TEXT_MAX,
  RECEIPT_CONTENT_TYPES,
  SUPPORTED_MESSAGING_CONTENT_TYPES,
} from "./contract";

export * from "./contract";

const STREAMING_ARN_MAX = 350;
// An SNS topic ARN in any partition (aws, aws-cn, aws-us-gov); FIFO topics end in .fifo.
export const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

const count = (n: number) => n.toLocaleString("en-US");
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

const customerPhone = safeText({ error: "Enter the customer's number" })
  .trim()
  .min(1, "Enter the customer's number")
  .max(40, "Use at most 40 characters")
  .transform((value, ctx) => {
    const n = normalizePhone(value);
    if (n.ok) return n.e164;
    ctx.addIssue({ code: "custom", message: `Not a number Connect can use: ${n.reason}. Write it with its country code, e.g. +12065550100` });
    return z.NEVER;
  });

const attributeRow = z.object({
  key: safeText().trim().max(32_767, "A key holds at most 32,767 characters"),
  value: safeText().max(32_767, "A value holds at most 32,767 characters"),
});

const newSessionFields = z.object({
  participantDisplayName: safeText().trim().max(256, "At most 256 characters").default(""),
  attributes: z.array(attributeRow).max(200, "At most 200 attributes").default([]),
  supportedMessagingContentTypes: z.array(z.enum(SUPPORTED_MESSAGING_CONTENT_TYPES, { error: "Not a messaging content type Connect supports" })).default([]),
  streamingEndpointArn: safeText().trim().max(STREAMING_ARN_MAX, `At most ${STREAMING_ARN_MAX} characters`).default(""),
});

function checkNewSession(v: z.output<typeof newSessionFields>, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  let bytes = 0;
  v.attributes.forEach((row, i) => {
    if (row.key === "" && row.value === "") return;
    if (row.key === "") ctx.addIssue({ code: "custom", path: ["attributes", i, "key"], message: "Enter a key for this value" });
    else if (!ATTRIBUTE_KEY.test(row.key)) ctx.addIssue({ code: "custom", path: ["attributes", i, "key"], message: "Use letters, digits, - and _ only" });
    else if (seen.has(row.key)) ctx.addIssue({ code: "custom", path: ["attributes", i, "key"], message: `${row.key} is already set above` });
    seen.add(row.key);
    bytes += utf8Bytes(row.key) + utf8Bytes(row.value);
  });
  if (bytes > ATTRIBUTES_MAX_BYTES) {
    ctx.addIssue({
      code: "custom",
      path: ["attributes"],
      message: `Attributes total ${count(bytes)} bytes (UTF-8) over all keys and values; Connect allows ${count(ATTRIBUTES_MAX_BYTES)}`,
    });
  }
  const types = v.supportedMessagingContentTypes;
  if (types.length > 0 && !types.includes("text/plain")) {
    ctx.addIssue({ code: "custom", path: ["supportedMessagingContentTypes"], message: "Connect requires text/plain among the supported content types" });
  }
  if (v.streamingEndpointArn && !SNS_TOPIC_ARN.test(v.streamingEndpointArn)) {
    ctx.addIssue({ code: "custom", path: ["streamingEndpointArn"], message: "Use an SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:chat-stream" });
  }
}

/** NewSessionDetails: used by Connect only when the event starts a chat. Nothing filled in means none is sent. */
export const newSessionSchema = newSessionFields.superRefine(checkNewSession).transform((v) => {
  const rows = v.attributes.filter((row) => row.key !== "");
  const details = {
    participantDisplayName: v.participantDisplayName || undefined,
    attributes: rows.length > 0 ? Object.fromEntries(rows.map((row) => [row.key, row.value])) : undefined,
    supportedMessagingContentTypes: v.supportedMessagingContentTypes.length > 0 ? [...new Set(v.supportedMessagingContentTypes)] : undefined,
    streamingEndpointArn: v.streamingEndpointArn || undefined,
  };
  return Object.values(details).some((value) => value !== undefined) ? details : undefined;
});

const sendFields = z.object({
  instanceId: safeText({ error: "Choose a Connect instance" }).trim().min(1, "Choose a Connect instance").max(100, "At most 100 characters"),
  /** Id or ARN of a number claimed by the instance; the action looks up its End User Messaging ARN. */
  phoneNumberId: safeText({ error: "Choose the number the customer writes to" })
    .trim()
    .min(1, "Choose the number the customer writes to")
    .max(500, "At most 500 characters"),
  channel: z.enum(["sms", "whatsapp"], { error: "Choose SMS or WhatsApp" }),
  customerPhone,
  eventType: z.enum(CHAT_EVENT_TYPES, { error: "Choose MESSAGE, EVENT or DISCONNECT" }),
  contentType: safeText().trim().max(100, "At most 100 characters").default(""),
  content: safeText()
    .max(CHAT_CONTENT_MAX, `Connect takes at most ${count(CHAT_CONTENT_MAX)} characters of content`)
    .default(""),
  newSession: newSessionSchema.optional(),
});

function isMessageIdJson(content: string): boolean {
  try {
    const value: unknown = JSON.parse(content);
    return (
      typeof value === "object" &&
      value !== null &&
      typeof (value as { messageId?: unknown }).messageId === "string" &&
      (value as { messageId: string }).messageId !== ""
    );
  } catch {
    return false;
  }
}

/** Which content type and content each event type takes (contract §7 ChatEvent, §8.4). */
function checkEventContent(v: z.output<typeof sendFields>, ctx: z.RefinementCtx) {
  const issue = (path: "contentType" | "content", message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const hasContent = v.content.trim() !== "";
  if (v.eventType === "DISCONNECT") {
    if (v.contentType) issue("contentType", "A DISCONNECT event has no content type: leave it empty");
    if (hasContent) issue("content", "A DISCONNECT event has no content: leave it empty");
    return;
  }
  const allowed = CONTENT_TYPES_BY_EVENT[v.eventType];
  if (!v.contentType) issue("contentType", `Choose the content type of the ${v.eventType} event`);
  else if (!allowed.includes(v.contentType)) {
    issue(
      "contentType",
      v.eventType === "MESSAGE"
        ? `SMS and WhatsApp chats take text/plain messages only, not ${v.contentType}`
        : `${v.contentType} is not an event content type; choose typing, message delivered, message read or connection acknowledged`,
    );
  }
  if (v.eventType === "MESSAGE") {
    if (!hasContent) issue("content", "Write the customer's message");
    else if (v.content.length > MESSAGE_TEXT_MAX)
      issue("content", `A text/plain message holds at most ${count(MESSAGE_TEXT_MAX)} characters; this one has ${count(v.content.length)}`);
  } else if (RECEIPT_CONTENT_TYPES.includes(v.contentType)) {
    if (!hasContent) issue("content", 'A receipt names the message it acknowledges: enter JSON such as {"messageId":"…"}');
    else if (!isMessageIdJson(v.content)) issue("content", 'Use JSON with the acknowledged message\'s id, such as {"messageId":"…"}');
  }
}

export const sendChatEventSchema = sendFields.superRefine(checkEventContent).transform((v) => ({
  ...v,
  contentType: v.eventType === "DISCONNECT" ? undefined : v.contentType,
  content: v.eventType === "DISCONNECT" || v.content.trim() === "" ? undefined : v.content,
}));

export type SendChatEventInput = z.input<typeof sendChatEventSchema>;
export type SendChatEventRequest = z.output<typeof sendChatEventSchema>;
export type NewSessionInput = z.input<typeof newSessionSchema>;
