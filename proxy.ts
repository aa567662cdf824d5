// Runs before every page: a fresh CSP nonce per request. Next reads the nonce from the request's
// Content-Security-Policy header and puts it on every script it emits; the browser gets the same policy.
// Security headers common to all answers (frame, sniffing, referrer, HSTS) are set by the server entry.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "@/lib/server/security-headers";

export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers, static files and the icon carry the server entry's policy that allows nothing.
      source: "/((?!api/|_next/static/|_next/image|favicon.ico|icon.svg|robots.txt|manifest.webmanifest).*)",
      // Server action calls answer with RSC data, not a page; left out so their large bodies (recipient lists up
      // to RECIPIENTS_MAX_MB) are not buffered by the proxy, which caps what it buffers at 10 MB.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
