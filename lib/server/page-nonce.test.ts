import { describe, expect, it } from "vitest";
import { nonceFromPolicy } from "./page-nonce";
import { newNonce, pageContentSecurityPolicy } from "./security-headers";

describe("nonceFromPolicy", () => {
  it("reads back the nonce the page policy was made with, in production and development", () => {
    for (const dev of [false, true]) {
      const nonce = newNonce();
      expect(nonceFromPolicy(pageContentSecurityPolicy({ nonce, dev }))).toBe(nonce);
    }
  });

  it("takes script-src's nonce over default-src's, and falls back to default-src", () => {
    expect(nonceFromPolicy("default-src 'self' 'nonce-def'; script-src 'self' 'nonce-scr'")).toBe("scr");
    expect(nonceFromPolicy("default-src 'self' 'nonce-def'; style-src 'nonce-sty'")).toBe("def");
  });

  it("matches directive names whole: a script-src-elem nonce is not script-src's", () => {
    expect(nonceFromPolicy("script-src-elem 'nonce-elem'")).toBeUndefined();
  });

  it("gives nothing for a missing policy, no nonce, or a nonce with characters that could break out of an attribute", () => {
    expect(nonceFromPolicy(null)).toBeUndefined();
    expect(nonceFromPolicy("")).toBeUndefined();
    expect(nonceFromPolicy("script-src 'self' 'strict-dynamic'")).toBeUndefined();
    expect(nonceFromPolicy(`script-src 'nonce-a"onload=x'`)).toBeUndefined();
    expect(nonceFromPolicy("script-src 'nonce-a<b>' 'nonce-good=='")).toBe("good==");
  });
});
