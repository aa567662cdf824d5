// Standard SNS topics that fan each notification out to their subscribed queues in the envelope SNS gives an SQS
// subscription with raw delivery off (contract-streaming.md S.3, S.5), and to their HTTP/S subscriptions (S.7). In
// memory; a reset brings back the default.
import { randomUUID } from "node:crypto";
import { SnsHttpDelivery } from "./sns-http-delivery";
import { SnsSigner } from "./sns-signature";
import type { SqsQueues } from "./sqs-queues";

export const DEFAULT_TOPIC_NAME = "chat-stream";
export const DEFAULT_QUEUE_NAME = "chat-stream";
/** SNS topic names: 1–256 letters, digits, hyphens and underscores (a FIFO topic adds ".fifo"). */
export const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

export interface SnsTopic {
  arn: string;
  name: string;
  /** Subscription ARN → queue name. */
  subscriptions: Map<string, string>;
}

export class SnsTopics {
  /** The simulator's own URL, known once it listens; the envelope's SigningCertURL and UnsubscribeURL point at it. */
  baseUrl = "";
  readonly signer = new SnsSigner();
  readonly http = new SnsHttpDelivery(this.signer, () => this.baseUrl);
  private readonly topics = new Map<string, SnsTopic>();

  constructor(
    private readonly accountId: string,
    private readonly region: string,
    private readonly queues: SqsQueues,
  ) {}

  arnOf(name: string): string {
    return `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
  }

  create(name: string): SnsTopic {
    const arn = this.arnOf(name);
    let topic = this.topics.get(arn);
    if (!topic) this.topics.set(arn, (topic = { arn, name, subscriptions: new Map() }));
    return topic;
  }

  find(arn: string): SnsTopic | undefined {
    return this.topics.get(arn);
  }

  list(): SnsTopic[] {
    return [...this.topics.values()];
  }

  /** Subscribes the queue once; subscribing it again returns the same subscription. */
  subscribe(topic: SnsTopic, queueName: string): string {
    for (const [arn, queue] of topic.subscriptions) if (queue === queueName) return arn;
    const arn = `${topic.arn}:${randomUUID()}`;
    topic.subscriptions.set(arn, queueName);
    return arn;
  }

  unsubscribe(subscriptionArn: string): boolean {
    return this.list().some((topic) => topic.subscriptions.delete(subscriptionArn)) || this.http.unsubscribe(subscriptionArn);
  }

  /** Forgets every topic and queue, then makes the default topic with the default queue subscribed. */
  reset(): void {
    this.topics.clear();
    this.queues.clear();
    this.http.clear();
    this.queues.create(DEFAULT_QUEUE_NAME);
    this.subscribe(this.create(DEFAULT_TOPIC_NAME), DEFAULT_QUEUE_NAME);
  }

  /** One notification, signed once, delivered to every subscribed queue; a missing topic delivers nowhere. */
  publish(topicArn: string, message: string, attributes: Record<string, string>, publishedAtMs: number): void {
    const topic = this.topics.get(topicArn);
    if (!topic) return;
    const messageId = randomUUID();
    this.http.publish(topic.arn, { messageId, message, attributes, lane: attributes.ContactId ?? "" });
    if (topic.subscriptions.size === 0) return;
    const signed = { Type: "Notification", MessageId: messageId, TopicArn: topic.arn, Message: message, Timestamp: new Date(publishedAtMs).toISOString() };
    const common = {
      ...signed,
      SignatureVersion: "1",
      Signature: this.signer.signatureV1(signed),
      SigningCertURL: `${this.baseUrl}/_local/sns/signing-key.pem`,
    };
    const messageAttributes = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { Type: "String", Value: value }]));
    for (const [subscriptionArn, queueName] of topic.subscriptions) {
      const envelope = {
        ...common,
        UnsubscribeURL: `${this.baseUrl}/_local/sns/unsubscribe?SubscriptionArn=${encodeURIComponent(subscriptionArn)}`,
        MessageAttributes: messageAttributes,
      };
      this.queues.find(queueName)?.send(JSON.stringify(envelope));
    }
  }
}
