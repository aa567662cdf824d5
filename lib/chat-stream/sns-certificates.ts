// Fetches SNS signing certificates for sns-verify.ts: one GET per URL (SNS signs with the same certificate for months),
// with a timeout, no redirects and a size cap, so a slow or hostile host cannot hold a request or fill memory. Only
// called with a URL sns-verify has already allowed. A certificate is kept until it expires, at most a day.
import { X509Certificate } from "node:crypto";
import { readBodyUpTo } from "@/lib/inbound/read-body";

const TIMEOUT_MS = 5_000;
/** Real SNS certificates are under 2 KiB of PEM; a chain would still fit. */
const MAX_BYTES = 64 * 1024;
const KEEP_MS = 24 * 60 * 60_000;
const MAX_CACHED = 50;

const cache = new Map<string, { certificate: X509Certificate; untilMs: number }>();

async function readCapped(res: Response): Promise<string> {
  const bytes = await readBodyUpTo(res, MAX_BYTES);
  if (bytes === null) throw new Error(`the certificate is larger than ${MAX_BYTES / 1024} KiB`);
  return Buffer.from(bytes).toString("utf8");
}

export async function fetchSnsCertificate(url: string, nowMs = Date.now()): Promise<X509Certificate> {
  const cached = cache.get(url);
  if (cached && cached.untilMs > nowMs) return cached.certificate;
  const res = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`the certificate URL answered ${res.status}`);
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(await readCapped(res));
  } catch (err) {
    throw new Error(err instanceof Error && err.message.includes("KiB") ? err.message : "the certificate URL did not serve an X.509 certificate");
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(url, { certificate, untilMs: Math.min(nowMs + KEEP_MS, Date.parse(certificate.validTo)) });
  return certificate;
}
