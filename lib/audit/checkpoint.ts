// Signed checkpoints of the audit chain's head, kept outside the database (a JSON-lines file in DATA_DIR, and the
// log): someone who can rewrite the table can delete its newest entries, but cannot sign a checkpoint to match.
import fs from "node:fs";
import path from "node:path";
import { createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./hash";

export const CHECKPOINT_FILE_NAME = "audit-checkpoints.jsonl";
// The file is trimmed to its newest lines once it passes the maximum: only the latest checkpoint is compared against.
const MAX_LINES = 1000;
const KEEP_LINES = 500;

export interface ChainHead {
  /** Entries in the chain, up to and including `lastId` (ids have gaps, so this is not `lastId`). */
  count: number;
  /** 0 for an empty chain. */
  lastId: number;
  hash: string;
}

export interface SignedCheckpoint extends ChainHead {
  /** ISO time the checkpoint was signed. */
  at: string;
  sig: string;
}

export interface CheckpointFile {
  /** The last line with a good signature, or null. */
  latest: SignedCheckpoint | null;
  /** Line numbers (1-based) that are not checkpoints signed with this key: forged, edited, or signed with another key. */
  badLines: number[];
}

export function checkpointFilePath(dataDir: string): string {
  return path.join(dataDir, CHECKPOINT_FILE_NAME);
}

// A label of its own, so a checkpoint signature can never be mistaken for an entry's HMAC.
function signature(key: string, head: ChainHead, at: string): string {
  const body = canonicalJson({ at, count: head.count, hash: head.hash, lastId: head.lastId });
  return createHmac("sha256", key).update("audit-checkpoint-v1\n").update(body).digest("hex");
}

export function signCheckpoint(key: string, head: ChainHead, at = new Date()): SignedCheckpoint {
  const iso = at.toISOString();
  return { count: head.count, lastId: head.lastId, hash: head.hash, at: iso, sig: signature(key, head, iso) };
}

function parseCheckpoint(line: string): SignedCheckpoint | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    const ok =
      Number.isSafeInteger(v.count) &&
      Number.isSafeInteger(v.lastId) &&
      typeof v.hash === "string" &&
      typeof v.at === "string" &&
      typeof v.sig === "string" &&
      /^[0-9a-f]{64}$/.test(v.sig);
    return ok ? { count: v.count as number, lastId: v.lastId as number, hash: v.hash as string, at: v.at as string, sig: v.sig as string } : null;
  } catch {
    return null;
  }
}

export function checkpointSignatureOk(key: string, cp: SignedCheckpoint): boolean {
  const expected = Buffer.from(signature(key, cp, cp.at), "hex");
  const actual = Buffer.from(cp.sig, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function readCheckpointFile(file: string, key: string): CheckpointFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { latest: null, badLines: [] };
    throw err;
  }
  let latest: SignedCheckpoint | null = null;
  const badLines: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const cp = parseCheckpoint(line);
    if (cp && checkpointSignatureOk(key, cp)) latest = cp;
    else badLines.push(i + 1);
  });
  return { latest, badLines };
}

/** Appends one line (one write, so a reader never sees half of it), then trims the file when it has grown long. */
export function appendCheckpoint(file: string, cp: SignedCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  if (lines.length <= MAX_LINES) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${lines.slice(-KEEP_LINES).join("\n")}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}
