import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { apiKeys, type ApiKey } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { hashApiKey } from "./token";

export async function findActiveKey(db: Db, key: string): Promise<ApiKey | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hashApiKey(key)));
  return row && !row.revokedAt ? row : undefined;
}

/** Marks a key as used, at most once a minute, so busy automation does not write on every call. */
export async function touchKey(db: Db, id: string): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(sql`${apiKeys.id} = ${id} and (${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute')`);
}

export async function listApiKeys(db: Db) {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(publicKey);
}

export function publicKey(k: ApiKey) {
  return { id: k.id, name: k.name, role: k.role, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
}
export type PublicApiKey = ReturnType<typeof publicKey>;
