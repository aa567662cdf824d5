// TRUST_PROXY: whether X-Forwarded-* headers come from a proxy the operator runs (and so may be believed).
export function trustsProxy(source: Record<string, string | undefined> = process.env): boolean {
  return /^(1|true|yes)$/i.test(source.TRUST_PROXY ?? "");
}
