// One streamed chat item as an SQS message body carries it: Connect's item (contract-streaming.md S.4) inside the SNS
// notification envelope (S.3; raw message delivery off). Pure. A refusal says what is wrong in words that never
// quote the body, which holds a customer's text.
import { z } from "zod";
import { isStorableText, safeText, toStorable } from "@/lib/text/safe-text";

export interface StreamedItem {
  id: string;
  /** MESSAGE or EVENT (Connect may add others). */
  type: string;
  contentType: string;
  content: string | null;
  participantRole: string | null;
  participantId: string | null;
  contactId: string;
  initialContactId: string;
  instanceId: string | null;
  absoluteTime: Date;
}

export interface ChatStreamNotification {
  /** SNS's id for this notification: the same however often SQS delivers it. */
  messageId: string;
  topicArn: string;
  item: StreamedItem;
}

export type ParsedBody = { ok: true; notification: ChatStreamNotification } | { ok: false; reason: string };

const id = (max: number) => safeText().min(1).max(max);

const envelopeSchema = z.object({
  Type: z.string(),
  MessageId: id(256),
  TopicArn: id(1024),
  Message: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })).nullish(),
});

const itemSchema = z.object({
  AbsoluteTime: z.string().refine((s) => /^\d{4}-\d\d-\d\dT/.test(s) && Number.isFinite(Date.parse(s)), "is not an ISO 8601 date-time"),
  Id: id(256),
  Type: id(64),
  ContentType: id(256),
  // Stored whatever it holds: a NUL (which PostgreSQL refuses) must not cost the customer's message.
  Content: z.string().nullish(),
  ParticipantId: id(256).nullish(),
  ParticipantRole: id(64).nullish(),
  ContactId: id(256).nullish(),
  InitialContactId: id(256).nullish(),
});

function firstIssue(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
  return `${path}: ${issue.message}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseBody(body: string | undefined): ParsedBody {
  const json = parseJson(body ?? "");
  if (!isObject(json)) return { ok: false, reason: "the body is not a JSON object" };
  if ("AbsoluteTime" in json && !("TopicArn" in json)) {
    return { ok: false, reason: "a chat item without its SNS envelope: turn raw message delivery off on the queue's subscription" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: firstIssue("", envelope.error) };
  const e = envelope.data;
  if (e.Type !== "Notification") {
    // A subscription across accounts starts with a SubscriptionConfirmation; confirming it is an admin's decision.
    return { ok: false, reason: `an SNS ${e.Type.slice(0, 40)} message, not a Notification (confirm a subscription in SNS itself)` };
  }
  const raw = parseJson(e.Message);
  if (!isObject(raw)) return { ok: false, reason: "Message is not a JSON object" };
  const item = itemSchema.safeParse(raw);
  if (!item.success) return { ok: false, reason: firstIssue("Message", item.error) };
  const i = item.data;
  const attribute = (name: string) => {
    const value = e.MessageAttributes?.[name]?.Value;
    return value && value.length <= 256 && isStorableText(value) ? value : null;
  };
  const contactId = i.ContactId ?? attribute("ContactId");
  if (!contactId) return { ok: false, reason: "Message.ContactId: missing, and no ContactId message attribute" };
  return {
    ok: true,
    notification: {
      messageId: e.MessageId,
      topicArn: e.TopicArn,
      item: {
        id: i.Id,
        type: i.Type,
        contentType: i.ContentType,
        content: i.Content == null ? null : toStorable(i.Content),
        participantRole: i.ParticipantRole ?? attribute("ParticipantRole"),
        participantId: i.ParticipantId ?? null,
        contactId,
        initialContactId: i.InitialContactId ?? attribute("InitialContactId") ?? contactId,
        instanceId: attribute("InstanceId"),
        absoluteTime: new Date(i.AbsoluteTime),
      },
    },
  };
}
