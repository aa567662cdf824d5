import { describe, expect, it } from "vitest";
import { decryptSecret, deriveSecretKey, encryptSecret, newSigningSecret } from "./secret";
import { checkSignature, signatureFor } from "./signature";

const key = deriveSecretKey("a-test-auth-secret-that-is-long-enough-0001");
const ID = "7d7a0c55-2b8e-4c1c-9a55-3c3d1f0f4b11";

describe("signing secrets at rest", () => {
  it("are random, recognisable, and encrypted so the ciphertext never contains them", () => {
    const a = newSigningSecret();
    const b = newSigningSecret();
    expect(a.secret).toMatch(/^ocin_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    const sealed = encryptSecret(key, ID, a.secret);
    expect(sealed).not.toContain(a.secret);
    expect(sealed).not.toContain(a.secret.slice(5));
    expect(decryptSecret(key, ID, sealed)).toBe(a.secret);
    // A fresh IV each time: the same secret never encrypts to the same text.
    expect(encryptSecret(key, ID, a.secret)).not.toBe(sealed);
  });

  it("open only with the same AUTH_SECRET, on the same integration, untampered", () => {
    const { secret } = newSigningSecret();
    const sealed = encryptSecret(key, ID, secret);
    expect(decryptSecret(deriveSecretKey("another-auth-secret-that-is-long-enough-02"), ID, sealed)).toBeNull();
    expect(decryptSecret(key, "00000000-0000-4000-8000-000000000000", sealed)).toBeNull();
    const parts = sealed.split(".");
    const flipped = [...parts.slice(0, 3), parts[3]!.replace(/^./, (c) => (c === "A" ? "B" : "A"))].join(".");
    expect(decryptSecret(key, ID, flipped)).toBeNull();
    expect(decryptSecret(key, ID, "not a ciphertext")).toBeNull();
  });
});

describe("request signatures", () => {
  const secret = "ocin_test-secret";
  const body = '{"messageId":"m1"}';
  const now = 1_760_000_000_000;
  const ts = String(now / 1000);

  it("is sha256=<hex HMAC of timestamp.body>", async () => {
    const { createHmac } = await import("node:crypto");
    expect(signatureFor(secret, ts, body)).toBe(`sha256=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}`);
  });

  it("accepts the right signature, in upper-case hex too, within five minutes either way", () => {
    const sig = signatureFor(secret, ts, body);
    expect(checkSignature({ secret, timestamp: ts, signature: sig, rawBody: body, nowMs: now })).toEqual({ ok: true });
    expect(checkSignature({ secret, timestamp: ts, signature: `sha256=${sig.slice(7).toUpperCase()}`, rawBody: body, nowMs: now + 299_000 })).toEqual({
      ok: true,
    });
    expect(checkSignature({ secret, timestamp: ts, signature: sig, rawBody: body, nowMs: now - 299_000 })).toEqual({ ok: true });
  });

  it("says why it refuses", () => {
    const sig = signatureFor(secret, ts, body);
    const check = (over: Partial<Parameters<typeof checkSignature>[0]>) =>
      checkSignature({ secret, timestamp: ts, signature: sig, rawBody: body, nowMs: now, ...over });
    expect(check({ signature: null })).toEqual({ ok: false, reason: "missing signature or timestamp header" });
    expect(check({ timestamp: null })).toEqual({ ok: false, reason: "missing signature or timestamp header" });
    expect(check({ timestamp: "2026-01-01T00:00:00Z" })).toEqual({ ok: false, reason: "timestamp header is not unix seconds" });
    expect(check({ signature: sig.slice(7) })).toEqual({ ok: false, reason: "signature header is not sha256=<64 hex digits>" });
    expect(check({ rawBody: `${body} ` })).toEqual({ ok: false, reason: "signature does not match" });
    expect(check({ secret: "ocin_other" })).toEqual({ ok: false, reason: "signature does not match" });
    expect(check({ nowMs: now + 360_000 })).toEqual({ ok: false, reason: "timestamp is 360 s away from the server's clock (limit 300 s)" });
  });
});
