import "server-only";
// Where providers reach this console: PUBLIC_URL when set, else the origin the admin's browser used. X-Forwarded-Host
// and -Proto are believed only behind a proxy the operator runs (TRUST_PROXY): anyone can send them otherwise.
import { headers } from "next/headers";
import { trustsProxy } from "@/lib/server/trust-proxy";

export function originFromHeaders(h: Headers, opts: { publicUrl: string | undefined; trustProxy: boolean }): string {
  if (opts.publicUrl) return opts.publicUrl.replace(/\/+$/, "");
  const forwarded = (name: string) => (opts.trustProxy ? h.get(name)?.split(",")[0]?.trim() || undefined : undefined);
  const host = forwarded("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = forwarded("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export async function publicOrigin(publicUrl: string | undefined): Promise<string> {
  return originFromHeaders(await headers(), { publicUrl, trustProxy: trustsProxy() });
}
