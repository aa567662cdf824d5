// SendChatIntegrationEvent: an inbound SMS/WhatsApp event joins the customer's active chat on that number,
// or starts one through the number's inbound flow; DISCONNECT ends the active chat.
import { randomUUID } from "node:crypto";
import { ApiError, resourceNotFound } from "../api-error";
import { channelSubtype, subtypeChannel } from "../catalog";
import { CHAT_CONTENT_MAX, readAttributes, readParticipantDetails, readSupportedContentTypes } from "../chat-rules";
import { DISCONNECT_REASON, type StoredContact, type StoredEvent } from "../contact";
import type { OperationHandler, SimContext } from "../context";
import { flowEndsAfterMs } from "../flow-endings";
import { Validator } from "../validator";
import { checkTopicArn, requireKnownTopic } from "./contact-streaming";
import { DEFAULT_CHAT_DURATION_MINUTES } from "./start-outbound-chat";

const v: Validator = new Validator("InvalidRequestException");

const EVENT_TYPES = ["DISCONNECT", "MESSAGE", "EVENT"] as const;
const EVENT_CONTENT_TYPES = [
  "application/vnd.amazonaws.connect.event.typing",
  "application/vnd.amazonaws.connect.event.connection.acknowledged",
  "application/vnd.amazonaws.connect.event.message.delivered",
  "application/vnd.amazonaws.connect.event.message.read",
] as const;
const RECEIPT_TYPES: readonly string[] = EVENT_CONTENT_TYPES.slice(2);

function readEvent(input: Record<string, unknown>) {
  const event = v.object(input, "Event", "", true);
  const type = v.oneOf("Event.Type", v.string(event, "Type", "Event", { required: true }), EVENT_TYPES);
  const contentType = v.string(event, "ContentType", "Event", { min: 1, max: 100 });
  const content = v.string(event, "Content", "Event", { min: 1, max: CHAT_CONTENT_MAX });
  if (type === "DISCONNECT") {
    if (contentType !== undefined || content !== undefined) v.fail("Event.ContentType and Event.Content must be omitted for DISCONNECT");
  } else if (contentType === undefined) {
    v.fail(`Event.ContentType is required for ${type} events`);
  } else if (type === "MESSAGE") {
    // SMS and WhatsApp chats carry plain text only.
    if (contentType !== "text/plain") v.fail(`Event.ContentType "${contentType}" is not supported for MESSAGE events on SMS or WhatsApp; use text/plain`);
    if (content === undefined) v.fail("Event.Content is required for MESSAGE events");
  } else {
    v.oneOf("Event.ContentType", contentType, EVENT_CONTENT_TYPES);
    if (RECEIPT_TYPES.includes(contentType) && content === undefined) {
      v.fail(`Event.Content is required for ${contentType} (a JSON string such as {"messageId":"..."})`);
    }
  }
  return { type };
}

function readNewSessionDetails(input: Record<string, unknown>) {
  const details = v.object(input, "NewSessionDetails", "");
  if (!details) return {};
  readSupportedContentTypes(v, details, "NewSessionDetails");
  const displayName = readParticipantDetails(v, details, "NewSessionDetails");
  const attributes = readAttributes(v, details, "Attributes", "NewSessionDetails");
  const streaming = v.object(details, "StreamingConfiguration", "NewSessionDetails");
  const topicArn = streaming
    ? v.string(streaming, "StreamingEndpointArn", "NewSessionDetails.StreamingConfiguration", { required: true, min: 1, max: 350 })
    : undefined;
  return { displayName, attributes, topicArn };
}

export const sendChatIntegrationEvent: OperationHandler = (ctx, { body, receivedAtMs }) =>
  receiveChatIntegrationEvent(ctx, body, { atMs: ctx.clock.nowMs(), receivedAtMs });

/**
 * The whole operation for one request body, as if it arrived at simulated time `atMs` (now for a request; the drawn time
 * for the audience model, so its receipts and replies follow exactly the rules a request would).
 */
export function receiveChatIntegrationEvent(
  ctx: SimContext,
  body: unknown,
  { atMs, receivedAtMs }: { atMs: number; receivedAtMs: number },
): { InitialContactId?: string; NewChatCreated: boolean } {
  const input = v.body(body);
  const sourceId = v.string(input, "SourceId", "", { required: true, min: 1, max: 255 });
  const destinationId = v.string(input, "DestinationId", "", { required: true, min: 1, max: 255 });
  // End User Messaging originally sent only SMS events and may leave Subtype out.
  const subtypeText = v.string(input, "Subtype", "", { min: 1, max: 100 }) ?? "connect:SMS";
  const channel = subtypeChannel(subtypeText);
  if (!channel) v.fail(`Subtype "${subtypeText}" is not supported; expected connect:SMS or connect:WhatsApp`);
  const { type } = readEvent(input);
  const session = readNewSessionDetails(input);

  const number = ctx.catalog.findPhoneNumberBySourceArn(destinationId);
  if (!number) throw resourceNotFound(`DestinationId ${destinationId} is not a phone number imported into any instance`);
  if (!number.channels.includes(channel)) v.fail(`DestinationId ${destinationId} does not serve ${channelSubtype(channel)}`);

  const now = atMs;
  const subtype = channelSubtype(channel);
  const active = ctx.store.findActiveChat(number.arn, sourceId, subtype, now);
  const event: StoredEvent = {
    id: randomUUID(),
    receivedAtMs: now,
    instanceId: number.instanceId,
    request: body,
    newChatCreated: false,
    outcome: "no-active-chat",
  };

  if (type === "DISCONNECT") {
    if (!active) {
      ctx.store.commit({ t: "event", event });
      ctx.counters.eventsRecorded += 1;
      return { NewChatCreated: false };
    }
    const ended = { ...event, contactId: active.id, outcome: "ended-chat" as const };
    ctx.store.commit({ t: "event", event: ended, end: { contactId: active.id, atMs: now, reason: DISCONNECT_REASON.customer } });
    ctx.counters.eventsRecorded += 1;
    ctx.streaming.flush(active.id);
    return { InitialContactId: active.id, NewChatCreated: false };
  }

  if (active) {
    ctx.store.commit({ t: "event", event: { ...event, contactId: active.id, outcome: "joined-chat" } });
    ctx.counters.eventsRecorded += 1;
    ctx.streaming.flush(active.id);
    return { InitialContactId: active.id, NewChatCreated: false };
  }

  // Checked before the chat exists, so a refused topic leaves no chat behind.
  if (session.topicArn !== undefined) {
    const member = "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn";
    checkTopicArn(ctx, session.topicArn, "InvalidRequestException", member);
    requireKnownTopic(ctx, session.topicArn, member);
  }
  const count = ctx.store.activeCount(number.instanceId, now);
  if (count >= ctx.config.maxActiveChats) {
    // Not in this operation's model, but the SDK maps any Connect error name to its class.
    throw new ApiError(
      "LimitExceededException",
      429,
      `Instance ${number.instanceId} has ${count} active chats; the concurrent active chat quota is ${ctx.config.maxActiveChats}`,
    );
  }
  const id = randomUUID();
  // The number's inbound flow runs the new chat, and may disconnect it early like any flow.
  const inboundFlow = ctx.catalog.findFlow(number.instanceId, number.inboundContactFlowId);
  const contact: StoredContact = {
    id,
    arn: `${number.instanceArn}/contact/${id}`,
    instanceId: number.instanceId,
    direction: "inbound",
    initiationMethod: "INBOUND",
    request: body,
    receivedAtMs,
    contactFlowId: number.inboundContactFlowId,
    subtype,
    segmentAttributes: { "connect:Subtype": { ValueString: subtype } },
    attributes: session.attributes ?? {},
    phoneNumberArn: number.arn,
    systemAddress: number.phoneNumber,
    customerAddress: sourceId,
    customerDisplayName: session.displayName,
    chatDurationInMinutes: DEFAULT_CHAT_DURATION_MINUTES,
    flowEndsAfterMs: inboundFlow ? flowEndsAfterMs(inboundFlow, ctx.config) : undefined,
    initiatedAtMs: now,
    lastUpdatedAtMs: now,
  };
  ctx.store.commit({ t: "event", event: { ...event, contactId: id, newChatCreated: true, outcome: "created-chat" }, contact });
  ctx.counters.eventsRecorded += 1;
  ctx.counters.contactsCreated += 1;
  if (session.topicArn !== undefined) ctx.streaming.start(contact, session.topicArn);
  return { InitialContactId: id, NewChatCreated: true };
}
