// A minimal self-signed X.509 v3 certificate (RFC 5280) for an RSA key, written in DER by hand: node:crypto can parse
// and verify certificates but not make one, and the simulator takes no dependency for it. SNS verifiers fetch the
// certificate at SigningCertURL and read the public key from it, so local Connect serves one for its signing key.
import { randomBytes, sign, type KeyObject } from "node:crypto";

const SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
const COMMON_NAME = "2.5.4.3";
const ORGANIZATION = "2.5.4.10";
const BASIC_CONSTRAINTS = "2.5.29.19";
const KEY_USAGE = "2.5.29.15";

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);
const nullValue = () => Buffer.from([0x05, 0x00]);
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const octets = (value: Buffer) => tlv(0x04, value);
const bits = (value: Buffer) => tlv(0x03, Buffer.from([0]), value);
const utf8 = (value: string) => tlv(0x0c, Buffer.from(value, "utf8"));

/** A non-negative INTEGER: a leading zero byte when the high bit is set. */
function integer(value: Buffer): Buffer {
  let v = value;
  while (v.length > 1 && v[0] === 0 && (v[1]! & 0x80) === 0) v = v.subarray(1);
  return tlv(0x02, (v[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const out: number[] = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5), to the second. */
function time(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(digits.slice(2), "ascii")) : tlv(0x18, Buffer.from(digits, "ascii"));
}

function name(commonName: string, organization: string): Buffer {
  return sequence(set(sequence(oid(ORGANIZATION), utf8(organization))), set(sequence(oid(COMMON_NAME), utf8(commonName))));
}

export interface SelfSignedOptions {
  privateKey: KeyObject;
  publicKey: KeyObject;
  commonName: string;
  organization?: string;
  notBefore: Date;
  notAfter: Date;
}

/** The certificate as PEM: subject = issuer, signed with SHA256withRSA by its own key, usable for signatures only. */
export function selfSignedCertificatePem(o: SelfSignedOptions): string {
  const algorithm = sequence(oid(SHA256_WITH_RSA), nullValue());
  const subject = name(o.commonName, o.organization ?? "Local Connect");
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const extensions = sequence(
    sequence(oid(BASIC_CONSTRAINTS), bool(true), octets(sequence())),
    // digitalSignature only (bit 0): the key signs messages, not other certificates.
    sequence(oid(KEY_USAGE), bool(true), octets(tlv(0x03, Buffer.from([7, 0x80])))),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    subject,
    sequence(time(o.notBefore), time(o.notAfter)),
    subject,
    o.publicKey.export({ type: "spki", format: "der" }),
    explicit(3, extensions),
  );
  const signature = sign("sha256", tbs, o.privateKey);
  const der = sequence(tbs, algorithm, bits(signature));
  const base64 = der.toString("base64").replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN CERTIFICATE-----\n${base64}-----END CERTIFICATE-----\n`;
}
