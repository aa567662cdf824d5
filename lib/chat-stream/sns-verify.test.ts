import { X509Certificate, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { selfSignedCertificatePem } from "@/lib/connect-local/x509-self-signed";
import { certificateUrlProblem, stringToSign, subscribeUrlAllowed, verifySnsMessage, type SnsMessage, type VerifyDeps } from "./sns-verify";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const NOW = Date.parse("2026-03-01T12:00:00.000Z");
const certificate = (k = keys, notAfter = new Date(NOW + 86_400_000)) =>
  new X509Certificate(selfSignedCertificatePem({ ...k, commonName: "sns.amazonaws.com", notBefore: new Date(NOW - 86_400_000), notAfter }));
const CERT = certificate();

const TOPIC = "arn:aws:sns:us-east-1:123456789012:chat-stream";
const CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";
const LOCAL = "http://127.0.0.1:4599";

type Unsigned = Omit<SnsMessage, "Signature" | "SignatureVersion">;

const notification = (over: Partial<Unsigned> = {}): Unsigned => ({
  Type: "Notification",
  MessageId: "0b5c3f6e-1111-4c4f-9a3a-222222222222",
  TopicArn: TOPIC,
  Message: JSON.stringify({ Content: "my account number is 12345678", Type: "MESSAGE" }),
  Timestamp: new Date(NOW - 2_000).toISOString(),
  SigningCertURL: CERT_URL,
  UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x",
  ...over,
});

const confirmation = (over: Partial<Unsigned> = {}): Unsigned => ({
  Type: "SubscriptionConfirmation",
  MessageId: "0b5c3f6e-3333-4c4f-9a3a-444444444444",
  Token: "2336412f37fb687f5d51e6e2425dacbba",
  TopicArn: TOPIC,
  Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
  SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f`,
  Timestamp: new Date(NOW - 2_000).toISOString(),
  SigningCertURL: CERT_URL,
  ...over,
});

function signed(m: Unsigned, o: { version?: "1" | "2"; key?: typeof keys; text?: string } = {}): string {
  const version = o.version ?? "1";
  const full = { ...m, SignatureVersion: version } as SnsMessage;
  const signature = sign(version === "2" ? "sha256" : "sha1", Buffer.from(o.text ?? stringToSign(full), "utf8"), (o.key ?? keys).privateKey);
  return JSON.stringify({ ...full, Signature: signature.toString("base64") });
}

function deps(over: Partial<VerifyDeps> = {}): VerifyDeps {
  return {
    nowMs: NOW,
    fetchCertificate: vi.fn(async () => CERT),
    isKnownTopic: async (arn) => arn === TOPIC,
    ...over,
  };
}

const reasonOf = async (body: string, d = deps()) => {
  const v = await verifySnsMessage(body, d);
  return v.ok ? "accepted" : `${v.status} ${v.reason}`;
};

describe("SNS messages that are accepted", () => {
  it("a Notification signed with SignatureVersion 1 (SHA1withRSA) and with 2 (SHA256withRSA)", async () => {
    for (const version of ["1", "2"] as const) {
      const d = deps();
      const v = await verifySnsMessage(signed(notification(), { version }), d);
      expect(v).toMatchObject({ ok: true, region: "us-east-1", message: { Type: "Notification", SignatureVersion: version } });
      expect(d.fetchCertificate).toHaveBeenCalledWith(CERT_URL);
    }
  });

  it("a Notification with a Subject, which is then signed too", async () => {
    expect(await reasonOf(signed(notification({ Subject: "Chat" })))).toBe("accepted");
  });

  it("a SubscriptionConfirmation and an UnsubscribeConfirmation, over their own string to sign", async () => {
    expect(await reasonOf(signed(confirmation(), { version: "2" }))).toBe("accepted");
    expect(await reasonOf(signed(confirmation({ Type: "UnsubscribeConfirmation" })))).toBe("accepted");
  });

  it("in local mode, a certificate served over http by the simulator", async () => {
    const body = signed(notification({ SigningCertURL: `${LOCAL}/_local/sns/signing-key.pem` }));
    expect(await reasonOf(body, deps({ localOrigin: LOCAL }))).toBe("accepted");
  });
});

describe("SNS messages that are refused", () => {
  it("a signature made with another key, or over a Message changed since", async () => {
    expect(await reasonOf(signed(notification(), { key: otherKeys }))).toBe("403 bad signature");
    const changed = JSON.parse(signed(notification())) as Record<string, string>;
    changed.Message = changed.Message!.replace("12345678", "87654321");
    expect(await reasonOf(JSON.stringify(changed))).toBe("403 bad signature");
    const version2 = JSON.parse(signed(notification())) as Record<string, string>;
    expect(await reasonOf(JSON.stringify({ ...version2, SignatureVersion: "2" }))).toBe("403 bad signature");
  });

  it("a signature over the wrong string to sign", async () => {
    const m = notification();
    const wrongOrder = `MessageId\n${m.MessageId}\nMessage\n${m.Message}\nTimestamp\n${m.Timestamp}\nTopicArn\n${m.TopicArn}\nType\n${m.Type}\n`;
    expect(await reasonOf(signed(m, { text: wrongOrder }))).toBe("403 bad signature");
    const withoutNewline = stringToSign({ ...m, SignatureVersion: "1", Signature: "" }).slice(0, -1);
    expect(await reasonOf(signed(m, { text: withoutNewline }))).toBe("403 bad signature");
    // A confirmation signed as if it were a notification leaves out SubscribeURL and Token.
    const c = confirmation();
    const asNotification = stringToSign({ ...c, Type: "Notification", SignatureVersion: "1", Signature: "" }).replace("Type\nNotification", `Type\n${c.Type}`);
    expect(await reasonOf(signed(c, { text: asNotification }))).toBe("403 bad signature");
  });

  it("a certificate from anywhere but SNS's https host in the topic's Region, without fetching it", async () => {
    for (const url of [
      "http://sns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com.evil.com/cert.pem",
      "https://evil.com/sns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com@evil.com/cert.pem",
      "https://user:pw@sns.us-east-1.amazonaws.com/cert.pem",
      "https://evilsns.us-east-1.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com.cn.evil.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
      "https://sns.us-west-2.amazonaws.com/cert.pem",
      "https://sns.us-east-1.amazonaws.com/cert.pem.txt",
      "https://sns.us-east-1.amazonaws.com/cert.txt?x=.pem",
      `${LOCAL}/_local/sns/signing-key.pem`,
      "not a url",
    ]) {
      const d = deps();
      expect(await reasonOf(signed(notification({ SigningCertURL: url })), d), url).toMatch(/^403 bad certificate host: /);
      expect(d.fetchCertificate).not.toHaveBeenCalled();
    }
  });

  it("in local mode, a certificate on another origin than the simulator's, or https lookalikes of it", async () => {
    for (const url of [
      "http://127.0.0.1:4600/_local/sns/signing-key.pem",
      "http://localhost:4599/_local/sns/signing-key.pem",
      "http://127.0.0.1:4599/key.txt",
    ]) {
      expect(await reasonOf(signed(notification({ SigningCertURL: url })), deps({ localOrigin: LOCAL })), url).toMatch(/^403 bad certificate host: /);
    }
  });

  it("a topic no Connect instance streams to", async () => {
    const other = "arn:aws:sns:us-east-1:123456789012:someone-elses";
    expect(await reasonOf(signed(notification({ TopicArn: other })))).toBe("403 unknown topic: no Connect instance's chats are streamed to it");
  });

  it("a Timestamp over an hour old, or over 5 minutes ahead, as a replay", async () => {
    expect(await reasonOf(signed(notification({ Timestamp: new Date(NOW - 61 * 60_000).toISOString() })))).toMatch(/^403 stale: .*an hour old/);
    expect(await reasonOf(signed(notification({ Timestamp: new Date(NOW + 6 * 60_000).toISOString() })))).toMatch(/^403 stale: .*future/);
    expect(await reasonOf(signed(notification({ Timestamp: new Date(NOW - 59 * 60_000).toISOString() })))).toBe("accepted");
  });

  it("a certificate that has expired, and one that cannot be fetched now (503, for SNS to try again)", async () => {
    const expired = certificate(keys, new Date(NOW - 1000));
    expect(await reasonOf(signed(notification()), deps({ fetchCertificate: async () => expired }))).toBe(
      "403 bad signature: the signing certificate is not valid now",
    );
    const unreachable = deps({ fetchCertificate: async () => Promise.reject(new Error("timeout")) });
    expect(await reasonOf(signed(notification()), unreachable)).toBe("503 the signing certificate could not be fetched: timeout");
  });

  it("an unknown SignatureVersion, and malformed messages, without quoting the Message", async () => {
    expect(await reasonOf(signed(notification()).replace('"SignatureVersion":"1"', '"SignatureVersion":"3"'))).toMatch(
      /^403 bad signature: SignatureVersion 3/,
    );
    const cases: [string, RegExp][] = [
      ["customer said 12345678", /^400 the body is not JSON$/],
      [JSON.stringify({ ...JSON.parse(signed(notification())), Type: "Other" }), /^400 Type: /],
      [JSON.stringify({ ...JSON.parse(signed(notification())), Signature: undefined }), /^400 Signature: /],
      [JSON.stringify({ ...JSON.parse(signed(confirmation())), SubscribeURL: undefined }), /^400 a SubscriptionConfirmation without its SubscribeURL/],
      [signed(notification({ TopicArn: "arn:aws:sqs:us-east-1:123456789012:q" })), /^400 TopicArn is not an SNS topic ARN$/],
      [signed(notification({ Timestamp: "yesterday" })), /^400 Timestamp is not/],
    ];
    for (const [body, reason] of cases) {
      const r = await reasonOf(body);
      expect(r).toMatch(reason);
      expect(r).not.toContain("12345678");
    }
  });
});

describe("certificate and SubscribeURL hosts", () => {
  it("take SNS's hosts in each partition's Region, and the simulator only when it is given", () => {
    expect(certificateUrlProblem("https://sns.cn-north-1.amazonaws.com.cn/x.pem", "cn-north-1")).toBeNull();
    expect(certificateUrlProblem("https://sns.us-gov-west-1.amazonaws.com/x.pem", "us-gov-west-1")).toBeNull();
    expect(subscribeUrlAllowed("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t", "us-east-1")).toBe(true);
    expect(subscribeUrlAllowed("https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription", "us-east-1")).toBe(false);
    expect(subscribeUrlAllowed("https://sns.us-east-1.amazonaws.com.evil.com/?Action=ConfirmSubscription", "us-east-1")).toBe(false);
    expect(subscribeUrlAllowed("http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription", "us-east-1")).toBe(false);
    expect(subscribeUrlAllowed(`${LOCAL}/_local/sns/confirm?Token=t`, "us-east-1")).toBe(false);
    expect(subscribeUrlAllowed(`${LOCAL}/_local/sns/confirm?Token=t`, "us-east-1", LOCAL)).toBe(true);
    expect(subscribeUrlAllowed("http://169.254.169.254/latest/meta-data/", "us-east-1", LOCAL)).toBe(false);
  });
});
