// Which draft version an approval was given to: its recipients fingerprint and a hash of its stored configuration
// (keys sorted, so PostgreSQL's jsonb key order cannot make the same draft look edited).
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/text/canonical-json";

export function configHash(config: unknown): string {
  return createHash("sha256").update(canonicalJson(config), "utf8").digest("hex");
}

export interface DraftVersion {
  recipientsFingerprint: string | null;
  configHash: string;
}

export function versionOf(campaign: { recipientsFingerprint: string | null; config: unknown }): DraftVersion {
  return { recipientsFingerprint: campaign.recipientsFingerprint, configHash: configHash(campaign.config) };
}

export const sameVersion = (a: DraftVersion, b: DraftVersion) => a.recipientsFingerprint === b.recipientsFingerprint && a.configHash === b.configHash;
