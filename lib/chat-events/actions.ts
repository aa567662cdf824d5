import "server-only";
// Sending a chat event by hand: a supervisor plays the customer's side of an SMS or WhatsApp chat. Connect is asked first,
// outside any transaction; then the event row, the contact, the reply and opt-out effects and the audit entry commit
// together, whether Connect accepted the event or not.
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { numberChannels } from "@/lib/connect/number-channels";
import { getGateway, viaConnect } from "@/lib/connect/runtime-gateway";
import type { ChatIntegrationEventInput, ConnectErrorInfo, PhoneNumber } from "@/lib/connect/types";
import { recordContact } from "@/lib/contacts/record";
import { UserFacingError, type ErrorCode } from "@/lib/errors";
import { applyCustomerMessage, type MessageEffects } from "@/lib/replies/apply";
import { explainChatEventError } from "./explain-error";
import { insertChatEvent } from "./queries";
import { sendChatEventSchema, type SendChatEventRequest } from "./schemas";

const CHANNEL_NAME = { sms: "SMS", whatsapp: "WhatsApp" } as const;

export interface SendChatEventResult {
  eventId: number;
  /** The chat the event went to; absent when a DISCONNECT found no active chat. */
  contactId: string | null;
  newChatCreated: boolean;
  /** What the message did besides reaching Connect (MESSAGE events only). */
  reply: MessageEffects["recipient"];
  optOut: MessageEffects["optOut"];
  suppressionChanged: boolean;
}

function refuse(field: "phoneNumberId" | "channel", message: string): never {
  throw new UserFacingError("invalid", message, { [field]: message });
}

/** The number as Connect lists it in this instance, checked for what SendChatIntegrationEvent needs. */
async function destinationNumber(input: SendChatEventRequest): Promise<PhoneNumber & { sourcePhoneNumberArn: string }> {
  const numbers = await viaConnect((g) => g.listPhoneNumbers(input.instanceId));
  const number = numbers.find((n) => n.id === input.phoneNumberId || n.arn === input.phoneNumberId);
  if (!number) refuse("phoneNumberId", "This number is not claimed by the chosen Connect instance; choose one of its numbers");
  if (!number.sourcePhoneNumberArn) {
    refuse(
      "phoneNumberId",
      `${number.phoneNumber} has no AWS End User Messaging phone-number ARN, and SendChatIntegrationEvent delivers only to one. ` +
        "Associate the number with AWS End User Messaging (SMS, or Social for WhatsApp) and import it into this Connect instance.",
    );
  }
  if (!numberChannels(number)[input.channel]) {
    const described = number.description ? ` (described as "${number.description}")` : "";
    refuse("channel", `${number.phoneNumber}${described} does not serve ${CHANNEL_NAME[input.channel]}; choose the other channel or another number`);
  }
  return { ...number, sourcePhoneNumberArn: number.sourcePhoneNumberArn };
}

function errorCode(e: ConnectErrorInfo): Exclude<ErrorCode, "internal"> {
  if (e.name === "InvalidRequestException") return "invalid";
  if (e.name === "ResourceNotFoundException") return "not_found";
  if (e.kind === "throttled" || e.kind === "concurrency-limited") return "rate_limited";
  return "unavailable";
}

export const sendChatEvent = defineAction({
  name: "chatEvents.send",
  access: "supervisor",
  input: sendChatEventSchema,
  handler: async (input, { db, actor }): Promise<SendChatEventResult> => {
    const number = await destinationNumber(input);
    const request: ChatIntegrationEventInput = {
      sourceId: input.customerPhone,
      destinationId: number.sourcePhoneNumberArn,
      channel: input.channel,
      event: { type: input.eventType, contentType: input.contentType, content: input.content },
      newSession: input.newSession,
    };
    let sent: { contactId: string | null; newChatCreated: boolean; requestId: string | null } | null = null;
    let failure: ConnectErrorInfo | null = null;
    try {
      const result = await (await getGateway()).sendChatIntegrationEvent(request);
      sent = { contactId: result.initialContactId ?? null, newChatCreated: result.newChatCreated, requestId: result.requestId ?? null };
    } catch (err) {
      failure = classifyConnectError(err);
    }

    const outcome = await db.transaction(async (tx) => {
      const row = await insertChatEvent(tx, {
        origin: "console",
        actorEmail: actor.actorEmail,
        instanceId: input.instanceId,
        channel: input.channel,
        sourceId: request.sourceId,
        destinationId: request.destinationId,
        destinationPhone: number.phoneNumber,
        destinationPhoneNumberArn: number.arn,
        eventType: input.eventType,
        contentType: input.contentType ?? null,
        content: input.content ?? null,
        newSession: input.newSession ?? null,
        status: sent ? "sent" : "failed",
        contactId: sent?.contactId ?? null,
        newChatCreated: sent?.newChatCreated ?? null,
        requestId: sent?.requestId ?? failure?.requestId ?? null,
        errorName: failure?.name ?? null,
        errorMessage: failure?.message ?? null,
      });
      const contactId = sent?.contactId ?? null;
      if (contactId) {
        await recordContact(tx, {
          contactId,
          instanceId: input.instanceId,
          channel: input.channel,
          customerPhone: request.sourceId,
          sourcePhone: number.phoneNumber,
          sourcePhoneNumberArn: number.arn,
          origin: "chat_event",
          createdBy: actor.actorEmail,
        });
      }
      // Only a message Connect accepted is one the customer "sent": a refused event changes nothing downstream.
      const effects =
        sent && input.eventType === "MESSAGE"
          ? await applyCustomerMessage(tx, actor, {
              customerPhone: request.sourceId,
              sourcePhoneNumberArn: number.arn,
              text: input.content ?? null,
              via: "events page",
            })
          : null;
      await recordAudit(tx, actor, {
        action: sent ? "chat_event.sent" : "chat_event.failed",
        targetType: "chat_event",
        targetId: String(row.id),
        diff: {
          eventType: input.eventType,
          channel: input.channel,
          customerPhone: request.sourceId,
          destinationPhone: number.phoneNumber,
          instanceId: input.instanceId,
          contentType: input.contentType ?? null,
          contactId,
          newChatCreated: sent?.newChatCreated ?? null,
          requestId: row.requestId,
          ...(failure ? { error: failure.name, message: failure.message } : {}),
          ...(effects?.recipient ? { replyTo: effects.recipient } : {}),
        },
      });
      return { row, effects };
    });

    if (failure) throw new UserFacingError(errorCode(failure), explainChatEventError(failure));
    return {
      eventId: outcome.row.id,
      contactId: outcome.row.contactId,
      newChatCreated: outcome.row.newChatCreated ?? false,
      reply: outcome.effects?.recipient ?? null,
      optOut: outcome.effects?.optOut ?? null,
      suppressionChanged: outcome.effects?.suppressionChanged ?? false,
    };
  },
});
