import "server-only";
// Email + password sign-in with throttling. Every attempt is counted before the password is checked, per email from
// this client ("account": locks), per client across all emails ("client": locks) and per email from anywhere ("email":
// only slows), so a guessing client is slowed and locked without locking the real user out from their own address.
import type { User } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { findUserByEmail, updateUser } from "@/lib/users/queries";
import { burnPasswordCheck, verifyPassword } from "./password";
import { attemptKeys, lockScope, pruneStaleAttempts, releaseOnSuccess, reserveAttempt, type Reservation } from "./sign-in-attempts";

export interface ThrottlePolicy {
  /** Failures of one email from one client before that pair is locked. */
  maxFailures: number;
  /** Failures from one client, across all emails, before the client is locked. */
  clientMaxFailures: number;
  lockMinutes: number;
  /** Delay before answering after N earlier failures; tests pass a zero delay. */
  delayMs(failures: number): number;
  /** Tests move the clock. */
  now?: () => Date;
  /** Share of attempts that also sweep stale counters (0.02 when not given); tests that read counters set 0. */
  sweepChance?: number;
}

export const defaultDelay = (failures: number) => (failures === 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 3000));

// A disabled account with the right password gets the "invalid" answer too: the answer never tells whether an email
// exists or what state its account is in. Only the audit log tells the admins.
export type SignInResult = { ok: true; user: User } | { ok: false; reason: "invalid" | "locked"; message: string };

type RequestMeta = Omit<AuditActor, "actorId" | "actorEmail">;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const lockedMessage = (m: number, more: boolean) =>
  `Too many failed sign-ins. Signing in from this address is locked for ${m}${more ? " more" : ""} minute(s).`;

/** The lock in force, if any, or a count already past its limit (a parallel attempt is about to set the lock). */
function refusal(r: Reservation, policy: ThrottlePolicy, now: Date): SignInResult | null {
  const locks = [r.account.lockedUntil, r.client.lockedUntil].filter((d): d is Date => d !== null && d > now);
  if (locks.length > 0) {
    const until = Math.max(...locks.map((d) => d.getTime()));
    return { ok: false, reason: "locked", message: lockedMessage(minutes(until - now.getTime()), true) };
  }
  if (r.account.failures > policy.maxFailures || r.client.failures > policy.clientMaxFailures) {
    return { ok: false, reason: "locked", message: lockedMessage(policy.lockMinutes, false) };
  }
  return null;
}

export async function attemptSignIn(db: Db, input: { email: string; password: string }, meta: RequestMeta, policy: ThrottlePolicy): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = policy.now?.() ?? new Date();
  const keys = attemptKeys(email, meta.ip);
  const attemptActor: AuditActor = { ...meta, actorId: null, actorEmail: email };

  const reserved = await reserveAttempt(db, keys, { windowMinutes: policy.lockMinutes, now });
  // About one attempt in fifty sweeps counters that can no longer matter (one index range), so the table stays small.
  if (Math.random() < (policy.sweepChance ?? 0.02)) await pruneStaleAttempts(db, Math.max(policy.lockMinutes, 60), now);
  // Refused without looking at the password: a locked guesser learns nothing, however many guesses run in parallel.
  const refused = refusal(reserved, policy, now);
  if (refused) return refused;

  const earlier = Math.max(reserved.account.failures, reserved.client.failures, reserved.email.failures) - 1;
  const delay = policy.delayMs(earlier);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));

  const user = await findUserByEmail(db, email);
  const passwordOk = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);

  if (user && passwordOk && !user.disabledAt) {
    return db.transaction(async (tx) => {
      await releaseOnSuccess(tx, keys);
      const updated = (await updateUser(tx, user.id, { lastSignInAt: now }))!;
      await recordAudit(
        tx,
        { ...attemptActor, actorId: user.id },
        { action: "auth.signed_in", targetType: "user", targetId: user.id, diff: { method: "password" } },
      );
      return { ok: true as const, user: updated };
    });
  }

  // The reservation stands as this failure; lock whichever scope it brought to its limit.
  const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  const locksAccount = reserved.account.failures >= policy.maxFailures;
  const locksClient = reserved.client.failures >= policy.clientMaxFailures;
  const failures = reserved.account.failures;
  await db.transaction(async (tx) => {
    // Counter rows before the audit entry, as on success: every writer takes its locks in the same order.
    const setAccount = locksAccount && (await lockScope(tx, "account", keys.account, lockedUntil, now));
    const setClient = locksClient && (await lockScope(tx, "client", keys.client, lockedUntil, now));
    if (user && passwordOk) {
      await recordAudit(
        tx,
        { ...attemptActor, actorId: user.id },
        { action: "auth.sign_in_refused", targetType: "user", targetId: user.id, diff: { reason: "disabled", failures } },
      );
    } else {
      await recordAudit(tx, attemptActor, {
        action: "auth.sign_in_failed",
        targetType: "user",
        targetId: user?.id ?? null,
        diff: { failures, clientFailures: reserved.client.failures, knownUser: Boolean(user) },
      });
    }
    const lockedOut = (scope: "account" | "client", count: number) =>
      recordAudit(tx, attemptActor, {
        action: "auth.locked_out",
        targetType: "user",
        targetId: user?.id ?? null,
        diff: { scope, failures: count, lockedUntil: lockedUntil.toISOString() },
      });
    if (setAccount) await lockedOut("account", failures);
    if (setClient) await lockedOut("client", reserved.client.failures);
  });
  if (locksAccount || locksClient) return { ok: false, reason: "locked", message: lockedMessage(policy.lockMinutes, false) };
  const left = Math.min(policy.maxFailures - failures, policy.clientMaxFailures - reserved.client.failures);
  return {
    ok: false,
    reason: "invalid",
    message: `Email or password is incorrect. ${left} attempt${left === 1 ? "" : "s"} left before a ${policy.lockMinutes}-minute lock.`,
  };
}
