import "server-only";
// Who a Bearer key acts as, checked on every request: the key is known, not revoked or expired, its creator is still
// active and still holds the key's role, and the key has requests left this minute.
import { hasRole, ROLE_LABEL } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/types";
import { RefusalError } from "@/lib/errors";
import { findKeyWithCreator, takeKeyRequest } from "./queries";

/** A key acts with its own role and is named in the audit log as `api-key:<name>`; it has no browser session. */
export type KeyPrincipal = SessionUser & { keyId: string };

export async function authenticateKey(db: Db, token: string, opts: { requestsPerMinute: number; now?: Date }): Promise<KeyPrincipal> {
  const found = await findKeyWithCreator(db, token);
  if (!found) throw new RefusalError("unauthenticated", "This API key is unknown or has been revoked", "key_unknown");
  const { key, creator } = found;
  // The key id travels with the refusal so the log names the key.
  const refuse = (message: string, reason: string) => new RefusalError("unauthenticated", message, reason, { keyId: key.id });
  if (key.revokedAt) throw refuse("This API key is unknown or has been revoked", "key_revoked");
  const now = opts.now ?? new Date();
  if (key.expiresAt && key.expiresAt <= now) {
    throw refuse(`This API key expired on ${key.expiresAt.toISOString()}. Create a new key in Settings → API keys.`, "key_expired");
  }
  if (!creator || creator.disabledAt) {
    throw refuse("This API key no longer works: the user who created it has been disabled. Create a new key.", "key_creator_disabled");
  }
  if (!hasRole(creator.role, key.role)) {
    throw refuse(
      `This API key no longer works: it carries the ${ROLE_LABEL[key.role]} role, which the user who created it no longer has. Create a new key.`,
      "key_creator_role",
    );
  }
  const taken = await takeKeyRequest(db, key.id, opts.requestsPerMinute);
  if (!taken.ok) {
    const message = `This API key has used its ${opts.requestsPerMinute} requests a minute. Retry in ${taken.retryAfterSeconds} s.`;
    throw new RefusalError("rate_limited", message, "key_rate_limited", { retryAfter: taken.retryAfterSeconds, keyId: key.id });
  }
  return { id: key.id, email: `api-key:${key.name}`, name: key.name, role: key.role, sessionId: "", mustChangePassword: false, keyId: key.id };
}
