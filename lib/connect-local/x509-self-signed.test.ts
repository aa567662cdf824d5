import { X509Certificate, generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { selfSignedCertificatePem } from "./x509-self-signed";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });

describe("a self-signed X.509 certificate", () => {
  it("parses with node:crypto, carries the key, names and validity given, and verifies with its own key", () => {
    const notBefore = new Date("2024-01-01T00:00:00Z");
    const notAfter = new Date("2051-06-30T12:00:00Z");
    const pem = selfSignedCertificatePem({ ...keys, commonName: "sns.local.amazonaws.com", notBefore, notAfter });
    const cert = new X509Certificate(pem);
    expect(cert.subject).toBe("O=Local Connect\nCN=sns.local.amazonaws.com");
    expect(cert.issuer).toBe(cert.subject);
    expect(new Date(cert.validFrom)).toEqual(notBefore);
    expect(new Date(cert.validTo)).toEqual(notAfter);
    expect(cert.ca).toBe(false);
    expect(cert.publicKey.export({ type: "spki", format: "pem" })).toBe(keys.publicKey.export({ type: "spki", format: "pem" }));
    expect(cert.verify(keys.publicKey)).toBe(true);
    expect(cert.verify(generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey)).toBe(false);
  });

  it("lets a message signed with the key be verified with the certificate alone", () => {
    const pem = selfSignedCertificatePem({ ...keys, commonName: "x", notBefore: new Date(), notAfter: new Date(Date.now() + 60_000) });
    const signature = sign("sha256", Buffer.from("hello"), keys.privateKey);
    expect(verify("sha256", Buffer.from("hello"), new X509Certificate(pem).publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.from("hello"), pem, signature)).toBe(true);
    expect(verify("sha256", Buffer.from("hellO"), pem, signature)).toBe(false);
  });
});
