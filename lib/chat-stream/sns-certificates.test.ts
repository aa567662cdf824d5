import http from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selfSignedCertificatePem } from "@/lib/connect-local/x509-self-signed";
import { fetchSnsCertificate } from "./sns-certificates";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = selfSignedCertificatePem({
  ...keys,
  commonName: "sns.amazonaws.com",
  notBefore: new Date(Date.now() - 60_000),
  notAfter: new Date(Date.now() + 86_400_000),
});
const requests: string[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === "/cert.pem") return res.writeHead(200).end(pem);
    if (req.url === "/huge.pem") return res.writeHead(200).end("x".repeat(100 * 1024));
    if (req.url === "/key.pem") return res.writeHead(200).end(keys.publicKey.export({ type: "spki", format: "pem" }));
    if (req.url === "/moved.pem") return res.writeHead(302, { location: "/cert.pem" }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetching an SNS signing certificate", () => {
  it("parses the certificate and fetches each URL once", async () => {
    const first = await fetchSnsCertificate(`${base}/cert.pem`);
    const again = await fetchSnsCertificate(`${base}/cert.pem`);
    expect(again).toBe(first);
    expect(first.publicKey.export({ type: "spki", format: "pem" })).toBe(keys.publicKey.export({ type: "spki", format: "pem" }));
    expect(requests.filter((r) => r === "/cert.pem")).toHaveLength(1);
  });

  it("refuses a body over the size cap, a bare public key, a redirect and an error answer", async () => {
    await expect(fetchSnsCertificate(`${base}/huge.pem`)).rejects.toThrow("the certificate is larger than 64 KiB");
    await expect(fetchSnsCertificate(`${base}/key.pem`)).rejects.toThrow("the certificate URL did not serve an X.509 certificate");
    await expect(fetchSnsCertificate(`${base}/moved.pem`)).rejects.toThrow();
    await expect(fetchSnsCertificate(`${base}/missing.pem`)).rejects.toThrow("the certificate URL answered 404");
  });
});
