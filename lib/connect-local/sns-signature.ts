// SNS message signatures (contract-streaming.md S.3): SignatureVersion 1 is SHA1withRSA over the notification's fields
// as "name\nvalue\n" in a fixed order. The key is local, made on first use, and only its public half is served.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

export interface SignedFields {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
}

/** The string SNS signs for a Notification (T6). */
export function notificationStringToSign(fields: SignedFields): string {
  const pairs: [string, string | undefined][] = [
    ["Message", fields.Message],
    ["MessageId", fields.MessageId],
    ["Subject", fields.Subject],
    ["Timestamp", fields.Timestamp],
    ["TopicArn", fields.TopicArn],
    ["Type", fields.Type],
  ];
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}\n${value}\n`)
    .join("");
}

export class SnsSigner {
  private keys?: { privateKey: KeyObject; publicKey: KeyObject };

  // Made lazily: most simulator runs never stream, and a 2048-bit key takes a noticeable moment on a small machine.
  private keyPair() {
    this.keys ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
    return this.keys;
  }

  signatureV1(fields: SignedFields): string {
    return sign("sha1", Buffer.from(notificationStringToSign(fields), "utf8"), this.keyPair().privateKey).toString("base64");
  }

  publicKeyPem(): string {
    return this.keyPair().publicKey.export({ type: "spki", format: "pem" }).toString();
  }
}
