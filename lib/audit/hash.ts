// Hash chain over audit entries. Canonical JSON (sorted keys) so jsonb's own key order cannot change a hash.
// Entries written before the chain was keyed carry plain SHA-256 ("sha256"); every entry since carries an HMAC-SHA256
// with the audit key ("hmac-sha256"), which someone who can only write to the database cannot recompute.
import { createHash, createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedContent {
  at: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  diff: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type HashAlg = "sha256" | "hmac-sha256";

/** What new entries are written with. */
export const CURRENT_HASH_ALG: HashAlg = "hmac-sha256";

function canonicalBody(content: HashedContent): string {
  return canonicalJson({ ...content, at: content.at.toISOString() });
}

/** The legacy, unkeyed hash: kept to verify entries written before the chain was keyed. */
export function entryHash(prevHash: string, content: HashedContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalBody(content)).digest("hex");
}

/** The keyed hash over the same previous hash and canonical content. */
export function keyedEntryHash(key: string, prevHash: string, content: HashedContent): string {
  return createHmac("sha256", key).update(prevHash).update("\n").update(canonicalBody(content)).digest("hex");
}

export function isHashAlg(value: string): value is HashAlg {
  return value === "sha256" || value === "hmac-sha256";
}

export function hashWith(alg: HashAlg, key: string, prevHash: string, content: HashedContent): string {
  return alg === "hmac-sha256" ? keyedEntryHash(key, prevHash, content) : entryHash(prevHash, content);
}
