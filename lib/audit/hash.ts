// Hash chain over audit entries. Canonical JSON (sorted keys) so jsonb's own key order cannot change a hash.
import { createHash } from "node:crypto";

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

export function entryHash(prevHash: string, content: HashedContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
