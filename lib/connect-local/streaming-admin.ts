// /_local/streaming and /_local/sns: the topics and queues local Connect has, the open streams, HTTP/S subscriptions,
// and the URLs SNS envelopes carry (contract-streaming.md S.3, S.5, S.7).
import { z } from "zod";
import { ApiError } from "./api-error";
import type { SimContext } from "./context";
import { DEFAULT_DELIVERY_POLICY } from "./sns-http-delivery";
import { TOPIC_NAME } from "./sns-topics";

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const topicSchema = z.strictObject({
  name: z.string().regex(TOPIC_NAME, "1–256 letters, digits, - and _ (FIFO topics cannot stream chats)"),
});
const queueSchema = z.strictObject({
  name: z.string().regex(QUEUE_NAME, "1–80 letters, digits, - and _"),
  topicArns: z.array(z.string()).default([]),
});

const seconds = z.number().positive().max(3600);
const httpSubscriptionSchema = z.strictObject({
  topicArn: z.string().min(1),
  endpoint: z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" }),
  signatureVersion: z.enum(["1", "2"]).default("1"),
  deliveryPolicy: z
    .strictObject({
      numRetries: z.number().int().min(0).max(100).default(DEFAULT_DELIVERY_POLICY.numRetries),
      minDelaySeconds: seconds.default(DEFAULT_DELIVERY_POLICY.minDelaySeconds),
      maxDelaySeconds: seconds.default(DEFAULT_DELIVERY_POLICY.maxDelaySeconds),
    })
    .refine((p) => p.minDelaySeconds <= p.maxDelaySeconds, "minDelaySeconds must not exceed maxDelaySeconds")
    .default(DEFAULT_DELIVERY_POLICY),
});

function invalid(error: z.ZodError): never {
  throw new ApiError("InvalidRequestException", 400, `Invalid request: ${z.prettifyError(error)}`);
}

/** Queue URLs use the simulator's own address; any host reaching the same port works as well. */
export function streamingView({ sns, sqs, store, catalog }: SimContext) {
  return {
    topics: sns.list().map((topic) => ({
      arn: topic.arn,
      name: topic.name,
      subscriptions: [...topic.subscriptions].map(([arn, queue]) => ({ arn, queue })),
      endpoints: sns.http.ofTopic(topic.arn).map((s) => ({
        arn: s.arn,
        endpoint: s.endpoint,
        status: s.status,
        signatureVersion: s.signatureVersion,
        delivered: s.delivered,
        failedAttempts: s.failedAttempts,
        dropped: s.dropped,
      })),
    })),
    queues: sqs.list().map((queue) => {
      const { visible, inFlight } = queue.counts();
      return { name: queue.name, url: `${sns.baseUrl}/${catalog.accountId}/${queue.name}`, arn: queue.arn, visible, inFlight };
    }),
    streams: store.streams
      .all()
      .filter((stream) => stream.closedAtMs === undefined)
      .map((stream) => ({ streamingId: stream.id, contactId: stream.contactId, instanceId: stream.instanceId, topicArn: stream.topicArn })),
  };
}

export function createTopic({ sns }: SimContext, body: unknown) {
  const parsed = topicSchema.safeParse(body ?? {});
  if (!parsed.success) invalid(parsed.error);
  const topic = sns.create(parsed.data.name);
  return { arn: topic.arn, name: topic.name };
}

/** Makes the queue if needed and subscribes it to each topic; every topic must exist first. */
export function createQueue({ sns, sqs }: SimContext, body: unknown) {
  const parsed = queueSchema.safeParse(body ?? {});
  if (!parsed.success) invalid(parsed.error);
  const topics = parsed.data.topicArns.map((arn) => {
    const topic = sns.find(arn);
    if (!topic) throw new ApiError("ResourceNotFoundException", 404, `SNS topic ${arn} does not exist`);
    return topic;
  });
  const queue = sqs.create(parsed.data.name);
  const subscriptions = topics.map((topic) => sns.subscribe(topic, queue.name));
  return { name: queue.name, arn: queue.arn, subscriptions };
}

export function unsubscribe({ sns }: SimContext, query: URLSearchParams) {
  const arn = query.get("SubscriptionArn") ?? "";
  if (!sns.unsubscribe(arn)) throw new ApiError("ResourceNotFoundException", 404, `Subscription ${arn} does not exist`);
  return { unsubscribed: arn };
}

/** Subscribes an HTTP/S endpoint, which is sent a SubscriptionConfirmation; nothing else reaches it until confirmed. */
export function createHttpSubscription({ sns }: SimContext, body: unknown) {
  const parsed = httpSubscriptionSchema.safeParse(body ?? {});
  if (!parsed.success) invalid(parsed.error);
  const { topicArn, endpoint, signatureVersion, deliveryPolicy } = parsed.data;
  const topic = sns.find(topicArn);
  if (!topic) throw new ApiError("ResourceNotFoundException", 404, `SNS topic ${topicArn} does not exist`);
  const subscription = sns.http.subscribe(topic.arn, endpoint, signatureVersion, deliveryPolicy);
  return { subscriptionArn: subscription.arn, status: subscription.status, signatureVersion, deliveryPolicy };
}

/** The SubscribeURL of a SubscriptionConfirmation (SNS's ConfirmSubscription as a GET). */
export function confirmSubscription({ sns }: SimContext, query: URLSearchParams) {
  const subscription = sns.http.confirm(query.get("TopicArn") ?? "", query.get("Token") ?? "");
  if (!subscription) throw new ApiError("InvalidParameterException", 400, "Invalid token: no pending subscription of this topic has it");
  return { SubscriptionArn: subscription.arn };
}
