// The audit chain's HMAC key, configured once per process at boot (the console's runtime, the worker, the scripts,
// vitest's setup file). Kept on globalThis: the server entry and Next's route bundles load separate copies of modules.
import { hkdfSync } from "node:crypto";

const g = globalThis as unknown as { __outboundAuditKey?: string };

export const MIN_AUDIT_KEY_LENGTH = 32;

/**
 * AUDIT_KEY when set; otherwise a key derived from the session secret with HKDF under its own label, so the audit key
 * is never the key that signs sessions. Changing either secret later makes the keyed entries written before unverifiable.
 */
export function auditKeyFromSecrets(auditKey: string | undefined, authSecret: string): string {
  if (auditKey) return auditKey;
  return Buffer.from(hkdfSync("sha256", authSecret, "outbound-console", "audit-chain-key-v1", 32)).toString("hex");
}

export function configureAuditKey(key: string): void {
  if (key.length < MIN_AUDIT_KEY_LENGTH) throw new Error(`The audit key must be at least ${MIN_AUDIT_KEY_LENGTH} characters`);
  g.__outboundAuditKey = key;
}

/** The configured key; an unconfigured process must not write unkeyed entries, so this refuses instead. */
export function auditKey(): string {
  const key = g.__outboundAuditKey;
  if (!key) {
    throw new Error(
      "The audit key is not configured in this process: call configureAuditKey() at start-up (the console's runtime and the worker do it from AUDIT_KEY or AUTH_SECRET)",
    );
  }
  return key;
}
