// Where to send the browser after sign-in: only a path on the console itself. Resolved with the URL parser, so
// `/\evil.example`, `%5C`, tabs and `//host` tricks that browsers read as another origin all fall back to "/".
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw) return "/";
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return "/";
  }
  // Percent-decoding once catches `%5C`/`%09` variants that the browser would decode before navigating.
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return "/";
  }
  for (const candidate of [raw, decoded]) {
    // Control characters and backslashes are never part of a path the console generates.
    if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return "/";
  }
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  // Sign-in pages as a destination would loop.
  if (url.pathname === "/login" || url.pathname.startsWith("/api/auth")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
