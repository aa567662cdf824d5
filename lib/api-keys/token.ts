import "server-only";
// Keys look like `oc_<8 chars>_<secret>`; only their SHA-256 is stored, so a database leak reveals no usable key.
import { createHash, randomBytes } from "node:crypto";

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("base64url").slice(0, 8);
  const key = `oc_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix: `oc_${prefix}`, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
