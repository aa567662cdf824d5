// SNS message signatures (contract-streaming.md S.3, S.7): SignatureVersion 1 is SHA1withRSA and 2 is SHA256withRSA
// over the message's fields as "name\nvalue\n" in a fixed order, which differs for notifications and for
// (un)subscribe confirmations. The key is local, made on first use; SigningCertURL serves a self-signed X.509
// certificate for it, valid from a day before it was made for a year, as real SNS certificates are served.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { selfSignedCertificatePem } from "./x509-self-signed";

export type SignatureVersion = "1" | "2";

export interface SignedFields {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
  /** SubscriptionConfirmation and UnsubscribeConfirmation only. */
  SubscribeURL?: string;
  Token?: string;
}

const NOTIFICATION_FIELDS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] as const;
const CONFIRMATION_FIELDS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"] as const;

/** The string SNS signs (T6): a Notification's Subject only when present; a confirmation's fields all. */
export function stringToSign(fields: SignedFields): string {
  const names = fields.Type === "Notification" ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  return names
    .filter((name) => fields[name] !== undefined)
    .map((name) => `${name}\n${fields[name]}\n`)
    .join("");
}

/** The string SNS signs for a Notification (T6). */
export const notificationStringToSign = stringToSign;

const YEAR_MS = 365 * 24 * 60 * 60_000;

export class SnsSigner {
  private keys?: { privateKey: KeyObject; publicKey: KeyObject };
  private certificate?: string;

  // Made lazily: most simulator runs never stream, and a 2048-bit key takes a noticeable moment on a small machine.
  private keyPair() {
    this.keys ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
    return this.keys;
  }

  signature(fields: SignedFields, version: SignatureVersion): string {
    const digest = version === "2" ? "sha256" : "sha1";
    return sign(digest, Buffer.from(stringToSign(fields), "utf8"), this.keyPair().privateKey).toString("base64");
  }

  signatureV1(fields: SignedFields): string {
    return this.signature(fields, "1");
  }

  /** The PEM certificate SigningCertURL serves; node:crypto also reads a public key straight from it. */
  certificatePem(): string {
    const now = Date.now();
    this.certificate ??= selfSignedCertificatePem({
      ...this.keyPair(),
      commonName: "sns.local.amazonaws.com",
      notBefore: new Date(now - 24 * 60 * 60_000),
      notAfter: new Date(now + YEAR_MS),
    });
    return this.certificate;
  }
}
