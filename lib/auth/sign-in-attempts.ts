import "server-only";
// The failed-sign-in counters (sign_in_attempts), one row per scope and key. An attempt is reserved before the password
// is checked: one INSERT … ON CONFLICT increments every scope at once and returns the counts, so parallel guesses each
// see their own number and the limit holds under any concurrency. Success gives the reservation back.
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { signInAttempts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export type AttemptScope = "account" | "client" | "email";

export interface AttemptKeys {
  account: string;
  client: string;
  email: string;
}

export interface ScopeCount {
  /** Attempts counted in the current window, this one included. */
  failures: number;
  lockedUntil: Date | null;
}

export type Reservation = Record<AttemptScope, ScopeCount>;

// Unknown addresses share one key: the server entry always sets the client address, so this is only a fallback.
export function attemptKeys(email: string, clientIp: string | null | undefined): AttemptKeys {
  const client = clientIp || "unknown";
  return { account: `${email}|${client}`, client, email };
}

const SCOPES: AttemptScope[] = ["account", "client", "email"];

/**
 * Counts this attempt in every scope and returns the counts. A lock in force keeps its count; a lock that has run out,
 * or a count whose last failure is older than `windowMinutes`, starts afresh at 1.
 */
export async function reserveAttempt(db: Db, keys: AttemptKeys, opts: { windowMinutes: number; now: Date }): Promise<Reservation> {
  const now = opts.now.toISOString();
  const windowStart = new Date(opts.now.getTime() - opts.windowMinutes * 60_000).toISOString();
  // Rows are always taken in the same order (account, client, email), so concurrent statements cannot deadlock.
  const rows = await db
    .insert(signInAttempts)
    .values(SCOPES.map((scope) => ({ scope, key: keys[scope], failures: 1, lastFailureAt: opts.now, lockedUntil: null })))
    .onConflictDoUpdate({
      target: [signInAttempts.scope, signInAttempts.key],
      set: {
        failures: sql`CASE
          WHEN "sign_in_attempts"."locked_until" > ${now}::timestamptz THEN "sign_in_attempts"."failures"
          WHEN "sign_in_attempts"."locked_until" IS NOT NULL THEN 1
          WHEN "sign_in_attempts"."last_failure_at" IS NULL OR "sign_in_attempts"."last_failure_at" < ${windowStart}::timestamptz THEN 1
          ELSE "sign_in_attempts"."failures" + 1 END`,
        lockedUntil: sql`CASE WHEN "sign_in_attempts"."locked_until" > ${now}::timestamptz THEN "sign_in_attempts"."locked_until" ELSE NULL END`,
        lastFailureAt: sql`${now}::timestamptz`,
      },
    })
    .returning({ scope: signInAttempts.scope, failures: signInAttempts.failures, lockedUntil: signInAttempts.lockedUntil });
  const out = {} as Reservation;
  for (const r of rows) out[r.scope as AttemptScope] = { failures: r.failures, lockedUntil: r.lockedUntil };
  return out;
}

/** Locks one scope until `until`; a lock already in force is kept. Returns whether this call set it. */
export async function lockScope(db: Db, scope: AttemptScope, key: string, until: Date, now: Date): Promise<boolean> {
  const rows = await db
    .update(signInAttempts)
    .set({ lockedUntil: until })
    .where(
      and(
        eq(signInAttempts.scope, scope),
        eq(signInAttempts.key, key),
        or(isNull(signInAttempts.lockedUntil), sql`${signInAttempts.lockedUntil} <= ${now.toISOString()}::timestamptz`),
      ),
    )
    .returning({ key: signInAttempts.key });
  return rows.length > 0;
}

/**
 * After a right password: this email from this client starts afresh, and so does the email's delay; the client's
 * count only gets this attempt back, so a client cannot wipe its guesses by signing in to an account of its own.
 */
export async function releaseOnSuccess(db: Db, keys: AttemptKeys): Promise<void> {
  await db.delete(signInAttempts).where(and(eq(signInAttempts.scope, "account"), eq(signInAttempts.key, keys.account)));
  await db
    .update(signInAttempts)
    .set({ failures: sql`${signInAttempts.failures} - 1` })
    .where(and(eq(signInAttempts.scope, "client"), eq(signInAttempts.key, keys.client), gt(signInAttempts.failures, 0), isNull(signInAttempts.lockedUntil)));
  await db.delete(signInAttempts).where(and(eq(signInAttempts.scope, "email"), eq(signInAttempts.key, keys.email)));
}

/**
 * Deletes counters whose last failure is older than `olderThanMinutes` and whose lock (if any) has run out: they would
 * start afresh anyway. Spraying many emails adds rows; this keeps the table to what can still matter.
 */
export async function pruneStaleAttempts(db: Db, olderThanMinutes: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000).toISOString();
  const rows = await db
    .delete(signInAttempts)
    .where(
      and(
        sql`${signInAttempts.lastFailureAt} < ${cutoff}::timestamptz`,
        or(isNull(signInAttempts.lockedUntil), sql`${signInAttempts.lockedUntil} <= ${now.toISOString()}::timestamptz`),
      ),
    )
    .returning({ key: signInAttempts.key });
  return rows.length;
}

/**
 * One counter on its own scope, counted the same way as a sign-in (before the password is checked, atomically): used
 * for the current password asked by the change-password form, so a borrowed session cannot guess it at leisure.
 */
export async function reserveSingleAttempt(db: Db, scope: string, key: string, opts: { windowMinutes: number; now: Date }): Promise<ScopeCount> {
  const now = opts.now.toISOString();
  const windowStart = new Date(opts.now.getTime() - opts.windowMinutes * 60_000).toISOString();
  const [row] = await db
    .insert(signInAttempts)
    .values({ scope, key, failures: 1, lastFailureAt: opts.now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [signInAttempts.scope, signInAttempts.key],
      set: {
        failures: sql`CASE WHEN "sign_in_attempts"."last_failure_at" < ${windowStart}::timestamptz THEN 1 ELSE "sign_in_attempts"."failures" + 1 END`,
        lastFailureAt: sql`${now}::timestamptz`,
      },
    })
    .returning({ failures: signInAttempts.failures, lockedUntil: signInAttempts.lockedUntil });
  return { failures: row!.failures, lockedUntil: row!.lockedUntil };
}

export async function clearSingleAttempt(db: Db, scope: string, key: string): Promise<void> {
  await db.delete(signInAttempts).where(and(eq(signInAttempts.scope, scope), eq(signInAttempts.key, key)));
}

/**
 * An admin's password reset gives the user a fresh start: their email's locks from every address, its delay and the
 * current-password counter go. Locks on guessing client addresses stay.
 */
export async function clearAttemptsForUser(db: Db, email: string, userId: string): Promise<void> {
  const e = email.trim().toLowerCase();
  await db
    .delete(signInAttempts)
    .where(
      or(
        and(eq(signInAttempts.scope, "account"), sql`starts_with(${signInAttempts.key}, ${`${e}|`})`),
        and(eq(signInAttempts.scope, "email"), eq(signInAttempts.key, e)),
        and(eq(signInAttempts.scope, "current_password"), eq(signInAttempts.key, userId)),
      ),
    );
}
