// Whether a message POSTed to the chat-stream endpoint really comes from Amazon SNS, for a topic the console streams
// chats to. Pure apart from what it is given: the certificate fetcher and the topic check are injected. Follows SNS's
// "Verifying the signatures of Amazon SNS messages": the string to sign per message type, SignatureVersion 1
// (SHA1withRSA) or 2 (SHA256withRSA), and a certificate only from https://sns.<region>.amazonaws.com(.cn)/….pem. The
// cheap checks (shape, certificate URL, topic, age) come before the certificate is fetched, so a forged message
// cannot make the console fetch anything from anywhere else. A refusal's reason never quotes the Message.
import { verify, type X509Certificate } from "node:crypto";
import { z } from "zod";

export const MESSAGE_TYPES = ["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"] as const;
export type SnsMessageType = (typeof MESSAGE_TYPES)[number];

/** SNS retries an HTTP/S delivery for at most an hour; anything older is a replay. */
export const MAX_AGE_MS = 60 * 60_000;
/** Clocks differ a little; a message further in the future than this is refused. */
export const MAX_FUTURE_MS = 5 * 60_000;

export interface SnsMessage {
  Type: SnsMessageType;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: "1" | "2";
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
  UnsubscribeURL?: string;
}

export interface VerifyDeps {
  nowMs: number;
  /** Local mode only: the simulator's origin (http://host:port), also allowed to serve certificates and SubscribeURLs. */
  localOrigin?: string;
  /** Fetches (or returns a cached) certificate; throws when it cannot. */
  fetchCertificate(url: string): Promise<X509Certificate>;
  /** Whether some Connect instance's chats are streamed to this topic. */
  isKnownTopic(topicArn: string): Promise<boolean>;
}

export type Verdict =
  | { ok: true; message: SnsMessage; region: string }
  /** 400 malformed, 403 not from SNS or not for this console, 503 the certificate could not be fetched now. */
  | { ok: false; status: 400 | 403 | 503; reason: string };

const text = z.string().min(1).max(4096);
const schema = z.object({
  Type: z.enum(MESSAGE_TYPES),
  MessageId: z.string().min(1).max(256),
  TopicArn: z.string().min(1).max(1024),
  // SNS messages are at most 256 KiB; the envelope's limit is the caller's body cap.
  Message: z.string(),
  Timestamp: z.string().max(64),
  SignatureVersion: z.string().max(8),
  Signature: z.string().min(1).max(4096),
  SigningCertURL: text,
  Subject: z.string().max(256).optional(),
  SubscribeURL: text.optional(),
  Token: z.string().min(1).max(4096).optional(),
  UnsubscribeURL: text.optional(),
});

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:[A-Za-z0-9_-]{1,256}$/;
// Anchored at both ends, so sns.us-east-1.amazonaws.com.evil.com and evil-sns.us-east-1.amazonaws.com do not pass.
const SNS_HOST = /^sns\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

const NOTIFICATION_FIELDS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const;
const CONFIRMATION_FIELDS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const;

/** The string SNS signs: a Notification's Subject only when present; every field of a (un)subscribe confirmation. */
export function stringToSign(m: SnsMessage): string {
  const names = m.Type === "Notification" ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  return names
    .filter((name) => m[name] !== undefined)
    .map((name) => `${name}\n${m[name]}\n`)
    .join("");
}

/** The Region of an SNS topic ARN, or undefined when it is not one. */
export function regionOfTopic(topicArn: string): string | undefined {
  return TOPIC_ARN.exec(topicArn)?.[1];
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The simulator's origin, when this URL is on it (local mode only). */
function onLocalOrigin(url: URL, localOrigin: string | undefined): boolean {
  return localOrigin !== undefined && url.protocol === "http:" && url.origin === parseUrl(localOrigin)?.origin;
}

/** Why the console will not fetch a signing certificate from this URL, or null when it will. */
export function certificateUrlProblem(value: string, region: string, localOrigin?: string): string | null {
  const url = parseUrl(value);
  if (!url) return "SigningCertURL is not a URL";
  if (url.username || url.password) return "SigningCertURL carries credentials";
  if (!url.pathname.endsWith(".pem")) return "SigningCertURL does not name a .pem certificate";
  if (onLocalOrigin(url, localOrigin)) return null;
  if (url.protocol !== "https:") return "SigningCertURL is not https";
  if (url.port !== "") return "SigningCertURL names a port";
  const host = SNS_HOST.exec(url.hostname);
  if (!host) return "SigningCertURL is not on an Amazon SNS host";
  if (host[1] !== region) return "SigningCertURL is not in the topic's Region";
  return null;
}

/** Whether visiting this SubscribeURL confirms with SNS in the topic's Region (or, in local mode, with the simulator). */
export function subscribeUrlAllowed(value: string, region: string, localOrigin?: string): boolean {
  const url = parseUrl(value);
  if (!url || url.username || url.password) return false;
  if (onLocalOrigin(url, localOrigin)) return true;
  return url.protocol === "https:" && url.port === "" && SNS_HOST.exec(url.hostname)?.[1] === region;
}

const refuse = (status: 400 | 403 | 503, reason: string): Verdict => ({ ok: false, status, reason });

export async function verifySnsMessage(body: string, deps: VerifyDeps): Promise<Verdict> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, "the body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const m = parsed.data;
  if (m.Type !== "Notification" && (m.SubscribeURL === undefined || m.Token === undefined)) {
    return refuse(400, `a ${m.Type} without its SubscribeURL and Token`);
  }
  const region = regionOfTopic(m.TopicArn);
  if (!region) return refuse(400, "TopicArn is not an SNS topic ARN");
  const timestampMs = /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(m.Timestamp) ? Date.parse(m.Timestamp) : NaN;
  if (!Number.isFinite(timestampMs)) return refuse(400, "Timestamp is not an ISO 8601 UTC time");
  if (m.SignatureVersion !== "1" && m.SignatureVersion !== "2")
    return refuse(403, `bad signature: SignatureVersion ${m.SignatureVersion.slice(0, 8)} is not 1 or 2`);
  const message = { ...m, SignatureVersion: m.SignatureVersion } as SnsMessage;

  const certProblem = certificateUrlProblem(m.SigningCertURL, region, deps.localOrigin);
  if (certProblem) return refuse(403, `bad certificate host: ${certProblem}`);
  if (!(await deps.isKnownTopic(m.TopicArn))) return refuse(403, "unknown topic: no Connect instance's chats are streamed to it");
  if (deps.nowMs - timestampMs > MAX_AGE_MS) return refuse(403, "stale: Timestamp is more than an hour old");
  if (timestampMs - deps.nowMs > MAX_FUTURE_MS) return refuse(403, "stale: Timestamp is more than 5 minutes in the future");

  let certificate: X509Certificate;
  try {
    certificate = await deps.fetchCertificate(m.SigningCertURL);
  } catch (err) {
    return refuse(503, `the signing certificate could not be fetched: ${err instanceof Error ? err.message.slice(0, 200) : "unknown error"}`);
  }
  if (Date.parse(certificate.validFrom) > deps.nowMs || Date.parse(certificate.validTo) < deps.nowMs) {
    return refuse(403, "bad signature: the signing certificate is not valid now");
  }
  const digest = message.SignatureVersion === "2" ? "sha256" : "sha1";
  let good = false;
  try {
    good = verify(digest, Buffer.from(stringToSign(message), "utf8"), certificate.publicKey, Buffer.from(m.Signature, "base64"));
  } catch {
    good = false;
  }
  if (!good) return refuse(403, "bad signature");
  return { ok: true, message, region };
}
