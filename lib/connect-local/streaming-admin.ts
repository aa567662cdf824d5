// /_local/streaming and /_local/sns: the topics and queues local Connect has, the open streams, and the two URLs every
// SNS envelope carries (contract-streaming.md S.3, S.5).
import { z } from "zod";
import { ApiError } from "./api-error";
import type { SimContext } from "./context";
import { TOPIC_NAME } from "./sns-topics";

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const topicSchema = z.strictObject({
  name: z.string().regex(TOPIC_NAME, "1–256 letters, digits, - and _ (FIFO topics cannot stream chats)"),
});
const queueSchema = z.strictObject({
  name: z.string().regex(QUEUE_NAME, "1–80 letters, digits, - and _"),
  topicArns: z.array(z.string()).default([]),
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
