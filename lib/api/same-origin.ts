// Cross-site request refusal for cookie-authenticated route handlers, the same rule Next applies to server actions:
// a browser names the page that sent a request in Origin (or, failing that, Sec-Fetch-Site), and only the console's
// own pages may change anything with the signed-in user's cookie.

export const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type CrossSiteReason = "cross_site_origin" | "cross_site_fetch";

/**
 * Null when the request comes from the console's own origin: PUBLIC_URL's origin when set, else the Host the request
 * was sent to. A request with neither Origin nor Sec-Fetch-Site did not come from a modern browser page and passes.
 */
export function checkSameOrigin(req: Request, publicUrl: string | undefined): CrossSiteReason | null {
  const origin = req.headers.get("origin");
  if (origin !== null) {
    let sent: URL;
    try {
      sent = new URL(origin);
    } catch {
      return "cross_site_origin"; // "null" (sandboxed frames, cross-origin redirects) and anything unreadable
    }
    if (publicUrl) return sent.origin === new URL(publicUrl).origin ? null : "cross_site_origin";
    const host = req.headers.get("host");
    return host && sent.host === host.toLowerCase() ? null : "cross_site_origin";
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === null || site === "same-origin" || site === "none") return null;
  return "cross_site_fetch";
}
