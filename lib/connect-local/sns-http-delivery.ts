// HTTP/S subscriptions of local Connect's SNS topics (contract-streaming.md S.7): a new subscription is sent a signed
// SubscriptionConfirmation and stays pending until its SubscribeURL is visited; from then on every notification of its
// topic is POSTed to the endpoint as SNS posts it (T11, T12). A delivery that fails (no answer, or a 5xx; SNS takes a
// 4xx as final) is tried again after a delay growing from minDelay to maxDelay, numRetries times, as the subscription's
// delivery policy says. Deliveries of one chat go one at a time and in order, a retry holding back what follows it;
// chats do not wait on each other. In memory, like the topics.
import { randomBytes, randomUUID } from "node:crypto";
import type { SignatureVersion, SnsSigner } from "./sns-signature";

export interface DeliveryPolicy {
  /** Retries after the first attempt (SNS's default for HTTP/S: 3). */
  numRetries: number;
  /** Delay before the first retry, doubling up to maxDelaySeconds (SNS's default: 20 s both). */
  minDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { numRetries: 3, minDelaySeconds: 20, maxDelaySeconds: 20 };
/** SNS waits this long for an endpoint's answer. */
const REQUEST_TIMEOUT_MS = 15_000;

export interface HttpSubscription {
  arn: string;
  topicArn: string;
  endpoint: string;
  signatureVersion: SignatureVersion;
  policy: DeliveryPolicy;
  token: string;
  status: "PendingConfirmation" | "Confirmed";
  /** Counted per POST: answered 2xx, and failed (each attempt). */
  delivered: number;
  failedAttempts: number;
  /** Messages given up after their last retry, or refused with a 4xx. */
  dropped: number;
}

export interface Publication {
  messageId: string;
  message: string;
  attributes: Record<string, string>;
  /** Deliveries with the same lane go in order (the chat's contact id). */
  lane: string;
}

type Envelope = Record<string, unknown> & { Type: string; MessageId: string };

export class SnsHttpDelivery {
  private readonly subscriptions = new Map<string, HttpSubscription>();
  private readonly lanes = new Map<string, Promise<void>>();
  private stopping = new AbortController();

  constructor(
    private readonly signer: SnsSigner,
    private readonly baseUrl: () => string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  subscribe(topicArn: string, endpoint: string, signatureVersion: SignatureVersion, policy: DeliveryPolicy): HttpSubscription {
    const subscription: HttpSubscription = {
      arn: `${topicArn}:${randomUUID()}`,
      topicArn,
      endpoint,
      signatureVersion,
      policy,
      token: randomBytes(64).toString("hex"),
      status: "PendingConfirmation",
      delivered: 0,
      failedAttempts: 0,
      dropped: 0,
    };
    this.subscriptions.set(subscription.arn, subscription);
    this.enqueue(subscription, `confirm:${subscription.arn}`, this.confirmation(subscription, "SubscriptionConfirmation"));
    return subscription;
  }

  /** The subscription the token was sent to, now confirmed; undefined when no subscription of the topic has that token. */
  confirm(topicArn: string, token: string): HttpSubscription | undefined {
    const subscription = [...this.subscriptions.values()].find((s) => s.topicArn === topicArn && s.token === token);
    if (subscription) subscription.status = "Confirmed";
    return subscription;
  }

  /** Removes the subscription; a confirmed endpoint is sent an UnsubscribeConfirmation, as SNS sends one. */
  unsubscribe(arn: string): boolean {
    const subscription = this.subscriptions.get(arn);
    if (!subscription) return false;
    this.subscriptions.delete(arn);
    if (subscription.status === "Confirmed") this.enqueue(subscription, `confirm:${arn}`, this.confirmation(subscription, "UnsubscribeConfirmation"));
    return true;
  }

  ofTopic(topicArn: string): HttpSubscription[] {
    return [...this.subscriptions.values()].filter((s) => s.topicArn === topicArn);
  }

  /** Posts the notification to every confirmed subscription of the topic. */
  publish(topicArn: string, p: Publication): void {
    for (const subscription of this.ofTopic(topicArn)) {
      if (subscription.status !== "Confirmed") continue;
      // Stamped with the wall clock, which the receiver's replay window is measured on (the item keeps Connect's time).
      const fields = { Type: "Notification", MessageId: p.messageId, TopicArn: topicArn, Message: p.message, Timestamp: new Date().toISOString() };
      const envelope: Envelope = {
        ...fields,
        SignatureVersion: subscription.signatureVersion,
        Signature: this.signer.signature(fields, subscription.signatureVersion),
        SigningCertURL: this.certificateUrl(),
        UnsubscribeURL: `${this.baseUrl()}/_local/sns/unsubscribe?SubscriptionArn=${encodeURIComponent(subscription.arn)}`,
        MessageAttributes: Object.fromEntries(Object.entries(p.attributes).map(([name, value]) => [name, { Type: "String", Value: value }])),
      };
      this.enqueue(subscription, `${subscription.arn}|${p.lane}`, envelope);
    }
  }

  /** Resolves once every delivery queued so far has been made or given up. */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()]);
  }

  /** Forgets every subscription and abandons deliveries in progress and waiting retries. */
  clear(): void {
    this.stopping.abort();
    this.stopping = new AbortController();
    this.subscriptions.clear();
    this.lanes.clear();
  }

  certificateUrl(): string {
    return `${this.baseUrl()}/_local/sns/signing-key.pem`;
  }

  private confirmation(s: HttpSubscription, type: "SubscriptionConfirmation" | "UnsubscribeConfirmation"): Envelope {
    const subscribeUrl = `${this.baseUrl()}/_local/sns/confirm?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(s.topicArn)}&Token=${s.token}`;
    const message =
      type === "SubscriptionConfirmation"
        ? `You have chosen to subscribe to the topic ${s.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
        : `You have chosen to deactivate subscription ${s.arn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
    const fields = {
      Type: type,
      MessageId: randomUUID(),
      Token: s.token,
      TopicArn: s.topicArn,
      Message: message,
      SubscribeURL: subscribeUrl,
      Timestamp: new Date().toISOString(),
    };
    return {
      ...fields,
      SignatureVersion: s.signatureVersion,
      Signature: this.signer.signature(fields, s.signatureVersion),
      SigningCertURL: this.certificateUrl(),
    };
  }

  private enqueue(s: HttpSubscription, lane: string, envelope: Envelope): void {
    const signal = this.stopping.signal;
    const previous = this.lanes.get(lane) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(s, envelope, signal));
    this.lanes.set(lane, next);
    void next.finally(() => {
      if (this.lanes.get(lane) === next) this.lanes.delete(lane);
    });
  }

  private async deliver(s: HttpSubscription, envelope: Envelope, signal: AbortSignal): Promise<void> {
    const headers: Record<string, string> = {
      "content-type": "text/plain; charset=UTF-8",
      "user-agent": "Amazon Simple Notification Service Agent",
      "x-amz-sns-message-type": envelope.Type,
      "x-amz-sns-message-id": envelope.MessageId,
      "x-amz-sns-topic-arn": s.topicArn,
    };
    // A confirmation request goes out before there is a subscription to name.
    if (envelope.Type !== "SubscriptionConfirmation") headers["x-amz-sns-subscription-arn"] = s.arn;
    const body = JSON.stringify(envelope);
    let delayMs = s.policy.minDelaySeconds * 1000;
    for (let attempt = 0; attempt <= s.policy.numRetries; attempt++) {
      if (signal.aborted) return;
      if (attempt > 0) {
        await wait(delayMs, signal);
        delayMs = Math.min(delayMs * 2, s.policy.maxDelaySeconds * 1000);
        if (signal.aborted) return;
      }
      const outcome = await post(s.endpoint, headers, body, signal);
      if (outcome === "delivered") {
        s.delivered += 1;
        return;
      }
      s.failedAttempts += 1;
      if (outcome === "refused") break;
    }
    if (signal.aborted) return;
    s.dropped += 1;
    this.log(`connect-local SNS gave up delivering ${envelope.Type} ${envelope.MessageId} to ${s.endpoint}`);
  }
}

async function post(endpoint: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<"delivered" | "refused" | "failed"> {
  try {
    const res = await fetch(endpoint, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return "delivered";
    // SNS retries server errors and throttling; any other client error is the endpoint refusing the message.
    return res.status >= 500 || res.status === 429 ? "failed" : "refused";
  } catch {
    return "failed";
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
