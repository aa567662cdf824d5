import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { NON_PAGE_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, securityHeaders } from "./security-headers";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe("security headers", () => {
  it("forbid framing, sniffing and full referrers on every answer, and allow nothing to a non-page", () => {
    const h = securityHeaders({ publicUrl: undefined });
    expect(h).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(h["Content-Security-Policy"]).toBe(NON_PAGE_CONTENT_SECURITY_POLICY);
    expect(directives(NON_PAGE_CONTENT_SECURITY_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(NON_PAGE_CONTENT_SECURITY_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("add HSTS only when the public address is https", () => {
    expect(securityHeaders({ publicUrl: "https://console.example.com" })["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(securityHeaders({ publicUrl: "http://console.internal:3000" })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({})).not.toHaveProperty("Strict-Transport-Security");
  });

  it("let pages run only nonced scripts (and what they load), with eval in development only", () => {
    const prod = directives(pageContentSecurityPolicy({ nonce: "abc123==", dev: false }));
    expect(prod.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(prod.get("frame-ancestors")).toEqual(["'none'"]);
    expect(prod.get("object-src")).toEqual(["'none'"]);
    expect(prod.get("base-uri")).toEqual(["'self'"]);
    expect(prod.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives(pageContentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("make a fresh nonce each time, in the characters Next recognises", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("proxy.ts gives each page request its own nonced policy, on the request (for Next) and the response", () => {
    const first = proxy(new NextRequest("http://localhost:3000/campaigns"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    const second = proxy(new NextRequest("http://localhost:3000/campaigns")).headers.get("content-security-policy")!;
    expect(second).not.toBe(policy);
  });
});
