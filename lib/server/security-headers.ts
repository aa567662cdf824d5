// The security headers of every answer. Pure: the server entry (every response), proxy.ts (pages) and tests share it.
// Pages get a Content-Security-Policy with a fresh nonce per request, which Next puts on the scripts it emits; every
// other answer (API JSON, downloads, static files) gets one that allows nothing, as none of them is a page.

/** For pages. `'strict-dynamic'` lets the nonced Next runtime load its chunks; dev's React needs eval for its stacks. */
export function pageContentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders `style={{ width: … }}` (progress bars, chart colours) as style attributes, which a nonce cannot
    // cover: inline styles stay allowed. Styles cannot run code; scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For everything that is not a page. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A nonce: 128 random bits, base64 (the characters Next's nonce parser accepts). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every response. HSTS only when the console's public address is https: browsers ignore it over http anyway. */
export function securityHeaders({ publicUrl }: { publicUrl?: string }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": NON_PAGE_CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (publicUrl && /^https:/i.test(publicUrl)) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}
