import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>, url = "http://localhost:3000/api/v1/campaigns/c1/pause") => new Request(url, { method: "POST", headers });

describe("checkSameOrigin", () => {
  it("without PUBLIC_URL, accepts an Origin naming the host the request was sent to and refuses any other", () => {
    expect(checkSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000" }), undefined)).toBeNull();
    expect(checkSameOrigin(post({ host: "LOCALHOST:3000", origin: "http://localhost:3000" }), undefined)).toBeNull();
    expect(checkSameOrigin(post({ host: "localhost:3000", origin: "http://evil.example" }), undefined)).toBe("cross_site_origin");
    expect(checkSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3001" }), undefined)).toBe("cross_site_origin");
    expect(checkSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000.evil.example" }), undefined)).toBe("cross_site_origin");
    expect(checkSameOrigin(post({ host: "localhost:3000", origin: "null" }), undefined)).toBe("cross_site_origin");
  });

  it("with PUBLIC_URL, accepts only its origin (scheme, host and port)", () => {
    const publicUrl = "https://console.example.com/";
    expect(checkSameOrigin(post({ host: "10.0.0.5:3000", origin: "https://console.example.com" }), publicUrl)).toBeNull();
    expect(checkSameOrigin(post({ host: "console.example.com", origin: "http://console.example.com" }), publicUrl)).toBe("cross_site_origin");
    // The Host header alone is no proof: it is whatever the attacker's page was served from.
    expect(checkSameOrigin(post({ host: "evil.example", origin: "https://evil.example" }), publicUrl)).toBe("cross_site_origin");
  });

  it("without Origin, refuses a request the browser marks as cross-site or same-site, and lets others through", () => {
    expect(checkSameOrigin(post({ host: "localhost:3000", "sec-fetch-site": "cross-site" }), undefined)).toBe("cross_site_fetch");
    expect(checkSameOrigin(post({ host: "localhost:3000", "sec-fetch-site": "same-site" }), undefined)).toBe("cross_site_fetch");
    expect(checkSameOrigin(post({ host: "localhost:3000", "sec-fetch-site": "same-origin" }), undefined)).toBeNull();
    expect(checkSameOrigin(post({ host: "localhost:3000", "sec-fetch-site": "none" }), undefined)).toBeNull();
    // curl and other non-browser clients send neither header; a page cannot make a browser drop both.
    expect(checkSameOrigin(post({ host: "localhost:3000" }), undefined)).toBeNull();
  });
});
