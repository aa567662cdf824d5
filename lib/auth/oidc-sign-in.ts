import "server-only";
// Single sign-on: the identity provider vouches for the email, but only an email it marks verified may be linked to an
// existing console account or create a new one; otherwise anyone who can set an unverified address at the provider
// could take over the local account that has it. Refusals come back as codes the sign-in page turns into messages.
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import type { User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { findUserByEmail, insertUser, publicUser, updateUser } from "@/lib/users/queries";
import type { Role } from "./roles";

export type OidcRefusal = "SsoNoEmail" | "SsoEmailUnverified" | "AccountDisabled";

export type OidcDecision = { action: "refuse"; code: OidcRefusal } | { action: "link"; user: User } | { action: "create" };

/** OpenID Connect's `email_verified` claim; some providers send it as the string "true". */
export function isEmailVerified(profile: Record<string, unknown> | null | undefined): boolean {
  const v = profile?.email_verified;
  return v === true || v === "true";
}

export function decideOidcSignIn(input: { email: string; emailVerified: boolean; existing: User | undefined }): OidcDecision {
  if (!input.email) return { action: "refuse", code: "SsoNoEmail" };
  if (!input.emailVerified) return { action: "refuse", code: "SsoEmailUnverified" };
  if (input.existing?.disabledAt) return { action: "refuse", code: "AccountDisabled" };
  return input.existing ? { action: "link", user: input.existing } : { action: "create" };
}

export type OidcSignInResult = { ok: true; user: User } | { ok: false; code: OidcRefusal };

/** Decides, links or creates the user, and audits either outcome, in one transaction. */
export async function signInWithOidc(
  db: Db,
  claims: { email: string; name: string; role: Role; emailVerified: boolean },
  meta: Omit<AuditActor, "actorId" | "actorEmail"> = {},
): Promise<OidcSignInResult> {
  const email = claims.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const existing = email ? await findUserByEmail(tx, email) : undefined;
    const decision = decideOidcSignIn({ email, emailVerified: claims.emailVerified, existing });
    const actor: AuditActor = { ...meta, actorId: existing?.id ?? null, actorEmail: email || "unknown" };
    if (decision.action === "refuse") {
      await recordAudit(tx, actor, {
        action: "auth.sign_in_refused",
        targetType: "user",
        targetId: existing?.id ?? null,
        diff: { reason: decision.code, method: "sso" },
      });
      return { ok: false as const, code: decision.code };
    }
    const saved =
      decision.action === "link"
        ? (await updateUser(tx, decision.user.id, { role: claims.role, lastSignInAt: new Date() }))!
        : await insertUser(tx, { email, name: claims.name, role: claims.role, passwordHash: null });
    const as = { ...actor, actorId: saved.id };
    if (decision.action === "create") {
      await recordAudit(tx, as, { action: "user.created", targetType: "user", targetId: saved.id, diff: { after: publicUser(saved), via: "sso" } });
    } else if (decision.user.role !== claims.role) {
      await recordAudit(tx, as, {
        action: "user.role_changed",
        targetType: "user",
        targetId: saved.id,
        diff: { role: { from: decision.user.role, to: claims.role }, via: "sso" },
      });
    }
    await recordAudit(tx, as, { action: "auth.signed_in", targetType: "user", targetId: saved.id, diff: { method: "sso" } });
    return { ok: true as const, user: saved };
  });
}
