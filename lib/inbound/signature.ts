import "server-only";
// Request signatures: HMAC-SHA256 over "<timestamp>.<raw body>" with the integration's secret, sent as
// `sha256=<hex>`. Compared in constant time so the answer's timing says nothing about how close a guess was.
import { createHmac, timingSafeEqual } from "node:crypto";
import { TIMESTAMP_TOLERANCE_SECONDS } from "./protocol";

/** Over the body's bytes as sent; a string body stands for its UTF-8 encoding. */
export function signatureFor(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.`, "utf8").update(rawBody).digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP = /^\d{1,12}$/;

export function checkSignature(opts: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  rawBody: string | Uint8Array;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = opts;
  if (!timestamp || !signature) return { ok: false, reason: "missing signature or timestamp header" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "timestamp header is not unix seconds" };
  const given = SIGNATURE.exec(signature.trim());
  if (!given) return { ok: false, reason: "signature header is not sha256=<64 hex digits>" };
  const expected = Buffer.from(signatureFor(opts.secret, timestamp, opts.rawBody).slice("sha256=".length), "hex");
  if (!timingSafeEqual(expected, Buffer.from(given[1]!.toLowerCase(), "hex"))) return { ok: false, reason: "signature does not match" };
  // Checked after the signature, so the reason never tells an unsigned caller how far off its clock is.
  const skew = Math.round(Math.abs(opts.nowMs / 1000 - Number(timestamp)));
  if (skew > TIMESTAMP_TOLERANCE_SECONDS)
    return { ok: false, reason: `timestamp is ${skew} s away from the server's clock (limit ${TIMESTAMP_TOLERANCE_SECONDS} s)` };
  return { ok: true };
}
