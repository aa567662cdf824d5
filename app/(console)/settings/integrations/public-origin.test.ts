import { describe, expect, it, vi } from "vitest";

const request = { headers: new Headers() };
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
const { originFromHeaders, publicOrigin } = await import("./public-origin");

const h = (values: Record<string, string>) => new Headers(values);

describe("the public origin shown for webhook URLs", () => {
  it("is PUBLIC_URL when set, whatever the request says", () => {
    expect(
      originFromHeaders(h({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example" }), { publicUrl: "https://console.example.com/", trustProxy: true }),
    ).toBe("https://console.example.com");
  });

  it("ignores X-Forwarded-Host and -Proto unless TRUST_PROXY is set", () => {
    const forged = h({ host: "console.internal:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(originFromHeaders(forged, { publicUrl: undefined, trustProxy: false })).toBe("http://console.internal:3000");
    expect(originFromHeaders(forged, { publicUrl: undefined, trustProxy: true })).toBe("https://evil.example");
  });

  it("as the settings page asks for it: a forged X-Forwarded-Host does not change the URL shown to the admin", async () => {
    const before = process.env.TRUST_PROXY;
    delete process.env.TRUST_PROXY;
    try {
      request.headers = h({ host: "localhost:3000", "x-forwarded-host": "evil.example" });
      expect(await publicOrigin(undefined)).toBe("http://localhost:3000");
    } finally {
      if (before !== undefined) process.env.TRUST_PROXY = before;
    }
  });

  it("takes the first value of a forwarded list behind a trusted proxy", () => {
    const chained = h({ host: "127.0.0.1:3000", "x-forwarded-host": "console.example.com, inner.proxy", "x-forwarded-proto": "https,http" });
    expect(originFromHeaders(chained, { publicUrl: undefined, trustProxy: true })).toBe("https://console.example.com");
  });
});
