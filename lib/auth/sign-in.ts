import "server-only";
// Email + password sign-in with throttling: failures slow the next try down, then lock the email for a while.
import { eq, sql } from "drizzle-orm";
import { signInThrottle, type User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { findUserByEmail, updateUser } from "@/lib/users/queries";
import { burnPasswordCheck, verifyPassword } from "./password";

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
  /** Delay before answering after N earlier failures; tests pass a zero delay. */
  delayMs(failures: number): number;
}

export const defaultDelay = (failures: number) => (failures === 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 3000));

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" | "locked" | "disabled"; message: string };

type RequestMeta = Omit<AuditActor, "actorId" | "actorEmail">;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export async function attemptSignIn(db: Db, input: { email: string; password: string }, meta: RequestMeta, policy: ThrottlePolicy): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  const [throttle] = await db.select().from(signInThrottle).where(eq(signInThrottle.email, email));
  const attemptActor: AuditActor = { ...meta, actorId: null, actorEmail: email };

  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    return { ok: false, reason: "locked", message: `Too many failed sign-ins. This account is locked for ${minutes(throttle.lockedUntil.getTime() - now.getTime())} more minute(s).` };
  }
  // A lock that has run out starts the count afresh.
  const earlierFailures = throttle?.lockedUntil ? 0 : (throttle?.failures ?? 0);
  const delay = policy.delayMs(earlierFailures);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));

  const user = await findUserByEmail(db, email);
  const passwordOk = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);

  if (user && passwordOk) {
    if (user.disabledAt) {
      await recordAudit(db, { ...attemptActor, actorId: user.id }, { action: "auth.sign_in_refused", targetType: "user", targetId: user.id, diff: { reason: "disabled" } });
      return { ok: false, reason: "disabled", message: "This account is disabled. Ask an administrator to enable it." };
    }
    return db.transaction(async (tx) => {
      await tx.delete(signInThrottle).where(eq(signInThrottle.email, email));
      const updated = (await updateUser(tx, user.id, { lastSignInAt: now }))!;
      await recordAudit(tx, { ...attemptActor, actorId: user.id }, { action: "auth.signed_in", targetType: "user", targetId: user.id, diff: { method: "password" } });
      return { ok: true as const, user: updated };
    });
  }

  const failures = earlierFailures + 1;
  const locks = failures >= policy.maxFailures;
  const lockedUntil = locks ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  await db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values({ email, failures, lastFailureAt: now, lockedUntil })
      .onConflictDoUpdate({ target: signInThrottle.email, set: { failures, lastFailureAt: now, lockedUntil: sql`excluded.locked_until` } });
    await recordAudit(tx, attemptActor, { action: "auth.sign_in_failed", targetType: "user", targetId: user?.id ?? null, diff: { failures, knownUser: Boolean(user) } });
    if (locks) await recordAudit(tx, attemptActor, { action: "auth.locked_out", targetType: "user", targetId: user?.id ?? null, diff: { failures, lockedUntil: lockedUntil!.toISOString() } });
  });
  if (locks) {
    return { ok: false, reason: "locked", message: `Too many failed sign-ins. This account is locked for ${policy.lockMinutes} minute(s).` };
  }
  const left = policy.maxFailures - failures;
  return { ok: false, reason: "invalid", message: `Email or password is incorrect. ${left} attempt${left === 1 ? "" : "s"} left before a ${policy.lockMinutes}-minute lock.` };
}
