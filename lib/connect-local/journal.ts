// Append-only JSONL journal: every mutation is written and fdatasync'ed before the response goes out,
// so a contact whose id was returned survives a SIGKILL. Replayed at start, then rewritten compactly.
import { closeSync, existsSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { StoredContact, StoredEvent } from "./contact";
import type { StoredStream, StreamClose } from "./stream-store";

interface RecordTime {
  /** Simulated clock and wall clock when written, so the simulated offset can be restored. */
  simMs: number;
  realMs: number;
}

export interface ContactEnd {
  contactId: string;
  atMs: number;
  reason: string;
}

export type JournalEntry =
  | { t: "contact"; contact: StoredContact }
  | { t: "end"; end: ContactEnd }
  | { t: "event"; event: StoredEvent; contact?: StoredContact; end?: ContactEnd }
  | { t: "stream"; stream: StoredStream }
  | { t: "stream-close"; close: StreamClose }
  | { t: "reset" }
  | { t: "clock" };

export type JournalRecord = JournalEntry & RecordTime;

const JOURNAL_FILE = "journal.jsonl";
const LOCK_FILE = "lock";
const lockedHere = new Set<string>();

export class Journal {
  private fd: number;
  private appended = 0;
  private closed = false;

  private constructor(private readonly dir: string) {
    this.fd = openSync(join(dir, JOURNAL_FILE), "a");
  }

  /** Takes the folder's lock and returns the journal with the records found in it. */
  static open(dir: string): { journal: Journal; records: JournalRecord[] } {
    mkdirSync(dir, { recursive: true });
    acquireLock(dir);
    try {
      const records = readRecords(join(dir, JOURNAL_FILE));
      return { journal: new Journal(dir), records };
    } catch (err) {
      releaseLock(dir);
      throw err;
    }
  }

  get appendedSinceRewrite(): number {
    return this.appended;
  }

  append(record: JournalRecord): void {
    // A late request finishing after close must not write through a descriptor number reused by another file.
    if (this.closed) throw new Error("Journal is closed");
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fdatasyncSync(this.fd);
    this.appended += 1;
  }

  /** Atomically replaces the journal with `records` (temp file, fsync, rename, fsync folder). */
  rewrite(records: JournalRecord[]): void {
    if (this.closed) throw new Error("Journal is closed");
    const path = join(this.dir, JOURNAL_FILE);
    const temp = `${path}.tmp`;
    const body = records.map((record) => `${JSON.stringify(record)}\n`).join("");
    const tempFd = openSync(temp, "w");
    try {
      writeSync(tempFd, body);
      fsyncSync(tempFd);
    } finally {
      closeSync(tempFd);
    }
    closeSync(this.fd);
    renameSync(temp, path);
    syncFolder(this.dir);
    this.fd = openSync(path, "a");
    this.appended = 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    releaseLock(this.dir);
  }
}

function readRecords(path: string): JournalRecord[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  const records: JournalRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      // Only the final line can be torn by a crash mid-write, and it was never acknowledged: drop it.
      const isTail = i === lines.length - 1;
      if (isTail) break;
      throw new Error(`Journal ${path} is corrupt at line ${i + 1}; refusing to start rather than lose contacts`);
    }
  }
  return records;
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// Two simulators writing one journal would interleave records; the lock file names the owner's pid.
function acquireLock(dir: string): void {
  const path = join(dir, LOCK_FILE);
  if (lockedHere.has(dir)) throw new Error(`connect-local data folder ${dir} is already in use by this process`);
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`connect-local data folder ${dir} is locked by running process ${pid}`);
    }
  }
  writeFileSync(path, `${process.pid}\n`);
  lockedHere.add(dir);
}

function releaseLock(dir: string): void {
  lockedHere.delete(dir);
  rmSync(join(dir, LOCK_FILE), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
