import "server-only";
// Writes signed checkpoints of the chain's head: periodically (after verifying what was appended since the last
// checkpoint, so a checkpoint never vouches for a chain whose newest entries were removed) and after a full verification.
import type { Db } from "@/lib/db/types";
import { logEvent, type LogFields } from "@/lib/log/event";
import { appendCheckpoint, readCheckpointFile, signCheckpoint, type ChainHead, type SignedCheckpoint } from "./checkpoint";
import { auditKey } from "./key";
import { verifySinceCheckpoint } from "./verify";

export type CheckpointOutcome = { ok: true; written: boolean; checkpoint: SignedCheckpoint } | { ok: false; reason: string };

export interface WriteOptions {
  key?: string;
  /** Structured log lines (lib/log/event by default): the signed checkpoint itself is one, kept wherever logs go. */
  log?: (fields: LogFields) => void;
}

/** Signs `head` unless the file's last checkpoint already covers it; the signed line also goes to the log. */
export function checkpointHead(file: string, head: ChainHead, options: WriteOptions = {}): CheckpointOutcome {
  const key = options.key ?? auditKey();
  const { latest } = readCheckpointFile(file, key);
  if (latest && latest.lastId >= head.lastId && latest.count >= head.count) return { ok: true, written: false, checkpoint: latest };
  const checkpoint = signCheckpoint(key, head);
  appendCheckpoint(file, checkpoint);
  (options.log ?? logEvent)({ event: "audit_checkpoint", ...checkpoint });
  return { ok: true, written: true, checkpoint };
}

/** The periodic checkpoint: verifies the entries appended since the last one, then signs the new head. */
export async function writeAuditCheckpoint(db: Db, file: string, options: WriteOptions = {}): Promise<CheckpointOutcome> {
  const key = options.key ?? auditKey();
  const log = options.log ?? logEvent;
  const { latest } = readCheckpointFile(file, key);
  const since = await verifySinceCheckpoint(db, latest, { key });
  if (!since.ok) {
    log({ level: "error", event: "audit_checkpoint_refused", brokenAt: since.brokenAt, reason: since.reason });
    return { ok: false, reason: since.reason };
  }
  return checkpointHead(file, since.head, { key, log });
}
