import "server-only";
// The nonce proxy.ts put in this page request's Content-Security-Policy, for inline scripts the page renders itself
// (the theme script that sets light or dark before the first paint). Next nonces only the scripts it emits.
import { headers } from "next/headers";

// The characters a CSP nonce source may hold (base64 or base64url), as Next reads them: anything else is ignored.
const NONCE_SOURCE = /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/;

/** The first nonce of the policy's script-src (or default-src when it has none); undefined when there is none. */
export function nonceFromPolicy(policy: string | null | undefined): string | undefined {
  if (!policy) return undefined;
  const directives = policy.split(";").map((d) => d.trim().split(/\s+/));
  const directive = directives.find(([name]) => name === "script-src") ?? directives.find(([name]) => name === "default-src");
  for (const source of directive?.slice(1) ?? []) {
    const nonce = NONCE_SOURCE.exec(source)?.[1];
    if (nonce) return nonce;
  }
  return undefined;
}

/** This page request's script nonce. */
export async function pageNonce(): Promise<string | undefined> {
  return nonceFromPolicy((await headers()).get("content-security-policy"));
}
