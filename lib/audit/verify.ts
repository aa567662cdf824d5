import "server-only";
// Verification of the audit chain: every entry links to the one before it and carries the hash of its content
// (plain SHA-256 for entries from before the chain was keyed, HMAC-SHA256 with the audit key since), and the chain
// still reaches the head recorded by the last signed checkpoint, so removing the newest entries is noticed too.
import { asc, count, eq, gt, lte, max } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { readCheckpointFile, type ChainHead, type SignedCheckpoint } from "./checkpoint";
import { GENESIS_HASH, hashWith, isHashAlg } from "./hash";
import { auditKey } from "./key";

export interface CheckpointRef {
  at: string;
  count: number;
  lastId: number;
}

export type ChainReport =
  | { ok: true; checked: number; lastId: number; lastHash: string; checkpoint: CheckpointRef | null }
  /** `brokenAt` is the entry where the problem shows, or null when it is not one entry (a forged checkpoint line). */
  | { ok: false; checked: number; brokenAt: number | null; reason: string };

type Broken = Extract<ChainReport, { ok: false }>;

interface WalkStart {
  afterId: number;
  prevHash: string;
  count: number;
  /** Whether a keyed entry came before: from then on an unkeyed one can only be a rewrite. */
  keyed: boolean;
}

interface WalkOptions {
  key: string;
  pageSize: number;
  /** Sees each entry that verified, in id order. */
  onEntry?: (id: number, hash: string) => void;
}

/** Walks the chain in id order, in pages, from `start`, and reports the first entry that does not link or hash. */
async function walkChain(db: Db, start: WalkStart, o: WalkOptions): Promise<{ ok: true; head: ChainHead } | Broken> {
  let { afterId, prevHash, count: checked, keyed } = start;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(o.pageSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: row.id, reason: `entry ${row.id} does not follow the entry before it (an entry was removed or reordered)` };
      }
      if (!isHashAlg(row.hashAlg) || (keyed && row.hashAlg !== "hmac-sha256")) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: `entry ${row.id} is not hashed with the audit key although entries before it are (it was rewritten after it was written)`,
        };
      }
      const expected = hashWith(row.hashAlg, o.key, prevHash, {
        at: row.at,
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        diff: row.diff,
        requestId: row.requestId,
        ip: row.ip,
        userAgent: row.userAgent,
      });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAt: row.id, reason: `entry ${row.id} was changed after it was written (its content no longer matches its hash)` };
      }
      keyed ||= row.hashAlg === "hmac-sha256";
      prevHash = row.hash;
      afterId = row.id;
      checked++;
      o.onEntry?.(row.id, row.hash);
    }
    if (rows.length < o.pageSize) return { ok: true, head: { count: checked, lastId: afterId, hash: prevHash } };
  }
}

interface SeenThroughCheckpoint {
  /** Entries with ids up to the checkpoint's. */
  countThrough: number;
  /** Hash of the entry at the checkpoint's id, if it is still there. */
  hashAt: string | undefined;
  /** The newest entry at or before the checkpoint's id (0 if none). */
  lastPresentId: number;
}

/** How the chain compares with a checkpoint taken of it earlier: null when it still reaches that head. */
function compareWithCheckpoint(cp: SignedCheckpoint, seen: SeenThroughCheckpoint, checked: number): Broken | null {
  if (cp.count === 0) return null;
  const counted = `last checkpoint at ${cp.at} counted ${cp.count} ${cp.count === 1 ? "entry" : "entries"} up to #${cp.lastId}`;
  if (seen.hashAt === undefined) {
    const what = seen.lastPresentId === 0 ? "all entries were removed" : `entries after #${seen.lastPresentId} were removed`;
    return { ok: false, checked, brokenAt: seen.lastPresentId || null, reason: `${what} (${counted})` };
  }
  if (seen.countThrough < cp.count) {
    return { ok: false, checked, brokenAt: cp.lastId, reason: `${cp.count - seen.countThrough} of the entries up to #${cp.lastId} were removed (${counted})` };
  }
  if (seen.hashAt !== cp.hash) {
    return {
      ok: false,
      checked,
      brokenAt: cp.lastId,
      reason: `entry ${cp.lastId} no longer has the hash recorded by the checkpoint at ${cp.at} (the chain was rewritten)`,
    };
  }
  return null;
}

export interface VerifyOptions {
  /** The checkpoint file to compare against (DATA_DIR/audit-checkpoints.jsonl); none means no truncation check. */
  checkpointFile?: string;
  /** Defaults to the process's configured key. */
  key?: string;
  pageSize?: number;
}

/** Walks the whole chain and compares its head with the last signed checkpoint. */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainReport> {
  const key = options.key ?? auditKey();
  const checkpoints = options.checkpointFile ? readCheckpointFile(options.checkpointFile, key) : { latest: null, badLines: [] };
  const cp = checkpoints.latest;
  const seen: SeenThroughCheckpoint = { countThrough: 0, hashAt: undefined, lastPresentId: 0 };
  const walked = await walkChain(
    db,
    { afterId: 0, prevHash: GENESIS_HASH, count: 0, keyed: false },
    {
      key,
      pageSize: options.pageSize ?? 1000,
      onEntry: (id, hash) => {
        if (!cp || id > cp.lastId) return;
        seen.countThrough++;
        seen.lastPresentId = id;
        if (id === cp.lastId) seen.hashAt = hash;
      },
    },
  );
  if (!walked.ok) return walked;
  if (checkpoints.badLines.length > 0) {
    const lines = checkpoints.badLines.join(", ");
    return {
      ok: false,
      checked: walked.head.count,
      brokenAt: null,
      reason: `the checkpoint file ${options.checkpointFile} has ${checkpoints.badLines.length === 1 ? "a line" : "lines"} (${lines}) with a bad signature: forged or edited, or signed with another key`,
    };
  }
  const cut = cp && compareWithCheckpoint(cp, seen, walked.head.count);
  if (cut) return cut;
  return {
    ok: true,
    checked: walked.head.count,
    lastId: walked.head.lastId,
    lastHash: walked.head.hash,
    checkpoint: cp ? { at: cp.at, count: cp.count, lastId: cp.lastId } : null,
  };
}

/**
 * Verifies only what was appended since a checkpoint: the checkpoint's entry is still there with its hash and the same
 * number of entries up to it, and everything after it links and hashes. What a periodic checkpoint is built on, so a
 * new checkpoint never vouches for a chain whose newest entries were removed.
 */
export async function verifySinceCheckpoint(
  db: Db,
  cp: SignedCheckpoint | null,
  options: { key?: string; pageSize?: number } = {},
): Promise<{ ok: true; head: ChainHead } | Broken> {
  const key = options.key ?? auditKey();
  const pageSize = options.pageSize ?? 1000;
  if (!cp || cp.count === 0) return walkChain(db, { afterId: 0, prevHash: GENESIS_HASH, count: 0, keyed: false }, { key, pageSize });
  const [at] = await db.select({ hash: auditLog.hash, hashAlg: auditLog.hashAlg }).from(auditLog).where(eq(auditLog.id, cp.lastId));
  const [through] = await db
    .select({ n: count(), lastPresentId: max(auditLog.id) })
    .from(auditLog)
    .where(lte(auditLog.id, cp.lastId));
  const seen = { countThrough: through?.n ?? 0, hashAt: at?.hash, lastPresentId: Number(through?.lastPresentId ?? 0) };
  const cut = compareWithCheckpoint(cp, seen, seen.countThrough);
  if (cut) return cut;
  return walkChain(db, { afterId: cp.lastId, prevHash: cp.hash, count: cp.count, keyed: at?.hashAlg === "hmac-sha256" }, { key, pageSize });
}
