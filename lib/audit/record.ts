import "server-only";
import { desc, sql } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { AuditActor } from "./context";
import { CURRENT_HASH_ALG, GENESIS_HASH, keyedEntryHash, type HashedContent } from "./hash";
import { auditKey } from "./key";

// Serialises audit writers on PostgreSQL so the chain cannot fork; held until the transaction ends.
const AUDIT_CHAIN_LOCK = 7_201_442_002;

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  diff?: Record<string, unknown> | null;
}

/**
 * Appends one entry. Call it with the transaction that makes the change it records, so both commit or
 * neither does. Given a plain database handle it opens its own transaction.
 */
export async function recordAudit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<{ id: number; hash: string }> {
  // First of all: a process without its key fails before touching the database.
  const key = auditKey();
  if (!isTransaction(db)) return db.transaction((tx) => recordAudit(tx, actor, entry));
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: HashedContent = {
    // Millisecond precision: what a JavaScript Date keeps, so the stored value hashes the same when read back.
    at: new Date(),
    actorId: actor.actorId,
    actorEmail: actor.actorEmail,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    diff: entry.diff ?? null,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  };
  const hash = keyedEntryHash(key, prevHash, content);
  const [row] = await db
    .insert(auditLog)
    .values({ ...content, prevHash, hash, hashAlg: CURRENT_HASH_ALG })
    .returning({ id: auditLog.id });
  return { id: row!.id, hash };
}

// Structural, not instanceof: the server entry and Next's bundles may hold different copies of drizzle's classes.
function isTransaction(db: Db): boolean {
  return typeof (db as { rollback?: unknown }).rollback === "function";
}

/** Before/after of the fields that changed, for the entry's diff. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    if (JSON.stringify(norm(from)) !== JSON.stringify(norm(to))) out[key] = { from: norm(from) ?? null, to: norm(to) ?? null };
  }
  return out;
}
