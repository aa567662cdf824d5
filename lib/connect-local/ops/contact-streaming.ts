// StartContactStreaming and StopContactStreaming (contract-streaming.md S.1, S.2).
import { ApiError, resourceNotFound, type ValidationErrorName } from "../api-error";
import { contactEnd, type StoredContact } from "../contact";
import { requireInstance, type OperationHandler, type SimContext } from "../context";
import { TOPIC_NAME } from "../sns-topics";
import { Validator } from "../validator";

const v: Validator = new Validator("InvalidRequestException");

/** Connect streams to at most this many topics per contact (admin guide, "Enable real-time chat message streaming"). */
export const MAX_STREAMS_PER_CONTACT = 2;
const SNS_ARN = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):(.+)$/;

/** A standard SNS topic ARN in the instance's Region; anything else answers `shapeError`, the operation's modelled name. */
export function checkTopicArn(ctx: SimContext, arn: string, shapeError: ValidationErrorName, member: string): void {
  const match = SNS_ARN.exec(arn);
  const name = match?.[3] ?? "";
  const fifo = name.endsWith(".fifo");
  if (!match || !TOPIC_NAME.test(fifo ? name.slice(0, -5) : name)) {
    throw new ApiError(shapeError, 400, `${member} "${arn}" is not an Amazon SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)`);
  }
  if (fifo) throw new ApiError(shapeError, 400, `${member} names a FIFO topic; message streaming supports standard SNS topics only`);
  if (match[1] !== ctx.catalog.region) {
    throw new ApiError(shapeError, 400, `${member} is in ${match[1]}; the topic must be in the instance's Region, ${ctx.catalog.region}`);
  }
}

/** No source says what Connect answers for a topic that does not exist; local Connect refuses it so a typo shows. */
export function requireKnownTopic(ctx: SimContext, arn: string, member: string): void {
  if (!ctx.sns.find(arn)) throw resourceNotFound(`${member}: SNS topic ${arn} does not exist (local Connect has the topics listed at /_local/streaming)`);
}

function requireContact(ctx: SimContext, instanceId: string, contactId: string): StoredContact {
  const instance = requireInstance(ctx, instanceId);
  const contact = ctx.store.contacts.get(contactId);
  if (!contact || contact.instanceId !== instance.id) throw resourceNotFound(`Contact ${contactId} not found in instance ${instance.id}`);
  return contact;
}

export const startContactStreaming: OperationHandler = (ctx, { body }) => {
  const input = v.body(body);
  const instanceId = v.string(input, "InstanceId", "", { required: true, min: 1, max: 100 });
  const contactId = v.string(input, "ContactId", "", { required: true, min: 1, max: 256 });
  const config = v.object(input, "ChatStreamingConfiguration", "", true);
  const member = "ChatStreamingConfiguration.StreamingEndpointArn";
  const topicArn = v.string(config, "StreamingEndpointArn", "ChatStreamingConfiguration", { required: true, min: 1, max: 350 });
  const clientToken = v.string(input, "ClientToken", "", { required: true, max: 500 });

  checkTopicArn(ctx, topicArn, "InvalidParameterException", member);
  const contact = requireContact(ctx, instanceId, contactId);
  const now = ctx.clock.nowMs();
  const replay = clientToken ? ctx.store.streams.findByClientToken(contact.id, clientToken, now) : undefined;
  if (replay) {
    ctx.counters.idempotentReplays += 1;
    return { StreamingId: replay.id };
  }
  requireKnownTopic(ctx, topicArn, member);
  if (contactEnd(contact, now)) throw new ApiError("InvalidRequestException", 400, `Contact ${contact.id} has ended; there is nothing left to stream`);

  const open = ctx.store.streams.openOf(contact.id);
  const same = open.find((stream) => stream.topicArn === topicArn);
  if (same) return { StreamingId: same.id };
  if (open.length >= MAX_STREAMS_PER_CONTACT) {
    throw new ApiError(
      "LimitExceededException",
      429,
      `Contact ${contact.id} already streams to ${open.length} SNS topics, the most a contact can; stop one with StopContactStreaming first`,
    );
  }
  return { StreamingId: ctx.streaming.start(contact, topicArn, clientToken || undefined).id };
};

export const stopContactStreaming: OperationHandler = (ctx, { body }) => {
  const input = v.body(body);
  const instanceId = v.string(input, "InstanceId", "", { required: true, min: 1, max: 100 });
  const contactId = v.string(input, "ContactId", "", { required: true, min: 1, max: 256 });
  const streamingId = v.string(input, "StreamingId", "", { required: true, min: 1, max: 100 });
  const contact = requireContact(ctx, instanceId, contactId);
  const stream = ctx.store.streams.find(streamingId);
  if (!stream || stream.contactId !== contact.id) throw resourceNotFound(`Streaming ${streamingId} not found on contact ${contact.id}`);
  // Stopping a stream that is already stopped, or whose chat has ended, succeeds and changes nothing, so a retry is safe.
  ctx.streaming.stop(stream);
  return {};
};
