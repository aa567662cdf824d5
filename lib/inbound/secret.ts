import "server-only";
// Signing secrets of inbound integrations. The console must read a secret back to check signatures, so it is
// encrypted rather than hashed: AES-256-GCM under a key derived from AUTH_SECRET, bound to its integration's id so a
// ciphertext copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { SECRET_PREFIX } from "./protocol";

const KEY_INFO = "outbound-console inbound-integration signing secret v1";
const VERSION = "v1";

/** 32 bytes for AES-256, derived (HKDF-SHA256) so the session secret itself never encrypts anything. */
export function deriveSecretKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, Buffer.alloc(0), KEY_INFO, 32));
}

export interface NewSecret {
  secret: string;
  /** Enough to tell secrets apart on the page; reveals nothing usable. */
  prefix: string;
}

export function newSigningSecret(): NewSecret {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SECRET_PREFIX.length + 4) };
}

export function encryptSecret(key: Buffer, integrationId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(integrationId, "utf8"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Null when the ciphertext does not open with this key: AUTH_SECRET changed, or the row was tampered with. */
export function decryptSecret(key: Buffer, integrationId: string, ciphertext: string): string | null {
  const [version, iv, tag, body] = ciphertext.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(integrationId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
