import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { apiKeys, users, type ApiKey } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { Role } from "@/lib/auth/roles";
import { hashApiKey } from "./token";

export async function findActiveKey(db: Db, key: string): Promise<ApiKey | undefined> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashApiKey(key)));
  return row && !row.revokedAt ? row : undefined;
}

/** The key a request presents, with its creator as they are now (null when the user no longer exists). */
export async function findKeyWithCreator(db: Db, key: string): Promise<{ key: ApiKey; creator: { role: Role; disabledAt: Date | null } | null } | undefined> {
  const [row] = await db
    .select({ key: apiKeys, creatorRole: users.role, creatorDisabledAt: users.disabledAt })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.hash, hashApiKey(key)));
  if (!row) return undefined;
  return { key: row.key, creator: row.creatorRole ? { role: row.creatorRole, disabledAt: row.creatorDisabledAt } : null };
}

/** Marks a key as used, at most once a minute, so busy automation does not write on every call. */
export async function touchKey(db: Db, id: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(sql`${apiKeys.id} = ${id} and (${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute')`);
}

/**
 * Takes one request from the key's token bucket: `perMinute` tokens at most, refilled continuously at perMinute/60 a
 * second. Refill, take and last-used are one conditional UPDATE, so concurrent requests in any number of processes
 * never take the same token; no row changed means the bucket is empty. perMinute 0 turns the limit off.
 */
export async function takeKeyRequest(db: Db, id: string, perMinute: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  if (perMinute <= 0) {
    await touchKey(db, id);
    return { ok: true };
  }
  const perSecond = perMinute / 60;
  const elapsed = sql`greatest(0, extract(epoch from (now() - coalesce(${apiKeys.rateRefilledAt}, now())))::float8)`;
  const available = sql`least(${perMinute}::float8, coalesce(${apiKeys.rateTokens}, ${perMinute}::float8) + ${elapsed} * ${perSecond}::float8)`;
  const taken = await db
    .update(apiKeys)
    .set({ rateTokens: sql`${available} - 1`, rateRefilledAt: sql`now()`, lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), sql`${available} >= 1`))
    .returning({ id: apiKeys.id });
  if (taken.length > 0) return { ok: true };
  // Refused: only now read how far the bucket is from its next token, for Retry-After.
  const [row] = await db
    .select({ available: sql<number>`${available}` })
    .from(apiKeys)
    .where(eq(apiKeys.id, id));
  const missing = 1 - Number(row?.available ?? 0);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / perSecond)) };
}

export async function listApiKeys(db: Db) {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(publicKey);
}

export function publicKey(k: ApiKey) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    prefix: k.prefix,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
    expiresAt: k.expiresAt,
  };
}
export type PublicApiKey = ReturnType<typeof publicKey>;
