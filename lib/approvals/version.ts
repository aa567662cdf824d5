// Which draft version an approval was given to: its recipients fingerprint and a hash of its stored configuration
// (keys sorted, so PostgreSQL's jsonb key order cannot make the same draft look edited).
import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function configHash(config: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(config)), "utf8")
    .digest("hex");
}

export interface DraftVersion {
  recipientsFingerprint: string | null;
  configHash: string;
}

export function versionOf(campaign: { recipientsFingerprint: string | null; config: unknown }): DraftVersion {
  return { recipientsFingerprint: campaign.recipientsFingerprint, configHash: configHash(campaign.config) };
}

export const sameVersion = (a: DraftVersion, b: DraftVersion) => a.recipientsFingerprint === b.recipientsFingerprint && a.configHash === b.configHash;
