import "server-only";
// One POST from Amazon SNS to the chat-stream endpoint (an HTTP/S subscription of a chat-stream topic, the other way
// to receive the stream besides the SQS queue). Verified first (sns-verify.ts); then a Notification is stored and
// applied exactly as the queue consumer does (store.ts: once per SNS MessageId, so a retried delivery is answered
// 200 and changes nothing), a SubscriptionConfirmation is confirmed by visiting its SubscribeURL when that is the
// topic's own SNS host, and an UnsubscribeConfirmation is only logged. Refusals are kept with the inbound
// rejections (no integration, reason "chat stream: …", never the body: it holds a customer's words).
//
// A customer message is stored at once and counted as a reply once past the reply grace (store.ts, pending-replies.ts).
import { logEvent } from "@/lib/log/event";
import { describeError } from "@/lib/errors";
import type { Db } from "@/lib/db/types";
import { recordRejection } from "@/lib/inbound/queries";
import { parseBody } from "./notification";
import { subscribeUrlAllowed, verifySnsMessage, type VerifyDeps } from "./sns-verify";
import { storeStreamedItem } from "./store";

/** An SNS message is at most 256 KiB; its envelope with attributes and signature stays well under this. */
export const MAX_SNS_BODY_BYTES = 512 * 1024;
const CONFIRM_TIMEOUT_MS = 10_000;

export interface SnsReceiveDeps extends Omit<VerifyDeps, "nowMs"> {
  db: Db;
  /** Visits a SubscribeURL; throws when SNS does not answer 2xx. */
  confirm(subscribeUrl: string): Promise<void>;
  replyGraceMs?: number;
}

export interface SnsRequest {
  headers: Headers;
  /** The raw body, or null when it is larger than MAX_SNS_BODY_BYTES. */
  readBody(): Promise<Uint8Array | null>;
  ip: string | null;
  nowMs: number;
}

export interface SnsResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const CODES: Record<number, string> = { 400: "invalid", 403: "forbidden", 413: "invalid", 502: "unavailable", 503: "unavailable" };
const error = (status: number, message: string, headers?: Record<string, string>): SnsResponse => ({
  status,
  body: { error: { code: CODES[status] ?? "invalid", message } },
  headers,
});
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** GETs the SubscribeURL as SNS's "Confirm your subscription" says; SNS answers a ConfirmSubscriptionResponse. */
export async function visitSubscribeUrl(url: string): Promise<void> {
  const res = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(CONFIRM_TIMEOUT_MS) });
  await res.body?.cancel().catch(() => undefined);
  if (!res.ok) throw new Error(`SNS answered ${res.status}`);
}

export async function receiveSnsMessage(deps: SnsReceiveDeps, req: SnsRequest): Promise<SnsResponse> {
  const { db } = deps;
  const reject = async (status: number, reason: string): Promise<SnsResponse> => {
    logEvent({ level: "warn", event: "chat_stream_refused", via: "sns-http", status, reason });
    await recordRejection(db, { integrationId: null, reason: `chat stream: ${reason}`, ip: req.ip, body: null }, req.nowMs);
    return error(status, reason);
  };

  const bytes = await req.readBody();
  if (bytes === null) return reject(413, `body larger than ${MAX_SNS_BODY_BYTES / 1024} KiB`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return reject(400, "the body is not UTF-8 text");
  }
  const verdict = await verifySnsMessage(text, { ...deps, nowMs: req.nowMs });
  if (!verdict.ok) {
    // The certificate host being away is not the sender's fault: SNS tries again (503), nothing is kept.
    if (verdict.status === 503) {
      logEvent({ level: "warn", event: "chat_stream_unverified", via: "sns-http", reason: verdict.reason });
      return error(503, verdict.reason);
    }
    return reject(verdict.status, verdict.reason);
  }
  const m = verdict.message;
  const headerType = req.headers.get("x-amz-sns-message-type");
  if (headerType !== null && headerType !== m.Type) return reject(400, "x-amz-sns-message-type does not match the body's Type");

  if (m.Type === "SubscriptionConfirmation") {
    if (!subscribeUrlAllowed(m.SubscribeURL!, verdict.region, deps.localOrigin)) {
      return reject(403, "bad subscribe host: SubscribeURL is not the topic's Amazon SNS endpoint");
    }
    try {
      await deps.confirm(m.SubscribeURL!);
    } catch (err) {
      logEvent({ level: "warn", event: "chat_stream_subscription_unconfirmed", topicArn: m.TopicArn, ...describeError(err) });
      return error(502, "The subscription could not be confirmed with SNS; confirm it in SNS, or subscribe again");
    }
    logEvent({ event: "chat_stream_subscription_confirmed", topicArn: m.TopicArn, messageId: m.MessageId });
    return { status: 200, body: { status: "confirmed", topicArn: m.TopicArn } };
  }
  if (m.Type === "UnsubscribeConfirmation") {
    // Nothing to undo: an admin (or SNS) ended the subscription; messages stop by themselves.
    logEvent({ event: "chat_stream_unsubscribed", topicArn: m.TopicArn, messageId: m.MessageId });
    return { status: 200, body: { status: "unsubscribed", topicArn: m.TopicArn } };
  }

  const parsed = parseBody(text);
  if (!parsed.ok) return reject(400, parsed.reason);
  const n = parsed.notification;
  const publishedAtMs = Date.parse(m.Timestamp);
  try {
    const outcome = await storeStreamedItem(db, n, new Date(publishedAtMs), { nowMs: req.nowMs, replyGraceMs: deps.replyGraceMs });
    return { status: 200, body: { status: outcome.stored ? "applied" : "repeated", messageId: n.messageId } };
  } catch (err) {
    logEvent({ level: "error", event: "chat_stream_store_failed", via: "sns-http", messageId: n.messageId, ...describeError(err) });
    return error(503, "The chat item could not be stored now; SNS will try again");
  }
}
