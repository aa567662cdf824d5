// PGlite has no lock of its own: a second process on the same folder would silently lose writes, or corrupt the
// folder. A lock file naming the owner (pid and, on Linux, the process's start time) makes a second process stop
// with a clear message.
//
// The file appears complete or not at all: it is written under a temporary name and then hard-linked into place,
// and link() fails with EEXIST while another process holds the lock. A lock is stale, and taken over, when its pid is
// gone or now belongs to another process (the pid was reused, e.g. after a container restart: the start time differs).
// An empty or unreadable lock is treated as held, since only a process half-way through writing it leaves one,
// unless it is over a minute old: then that process crashed mid-write. Taking over a stale lock goes through a
// takeover file named after that lock's inode, so of several processes starting at once exactly one replaces it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {}

export interface DataDirLock {
  path: string;
  release(): void;
}

interface Owner {
  pid: number;
  /** /proc/<pid>/stat field 22 (clock ticks after boot); absent off Linux and in locks of older versions. */
  startTime?: string;
}

/** An empty or unreadable lock younger than this is someone writing it; older, a crash mid-write. */
const UNWRITTEN_LOCK_STALE_MS = 60_000;
/** A takeover file left by a process that died half-way through a takeover. */
const TAKEOVER_STALE_MS = 30_000;
const ATTEMPTS = 50;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The start time of a running process on Linux; undefined elsewhere or when it is gone. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count the fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[22 - 3];
  } catch {
    return undefined;
  }
}

/** A live pid's command line mentions node (the console, a script) — or cannot be read, and is given the benefit of the doubt. */
function looksLikeNode(pid: number): boolean {
  try {
    return /node|tsx|next/i.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true;
  }
}

function parseOwner(text: string): Owner | undefined {
  const trimmed = text.trim();
  // Locks written by earlier versions hold the pid alone.
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const parsed = JSON.parse(trimmed) as Partial<Owner>;
    if (Number.isInteger(parsed.pid) && parsed.pid! > 0)
      return { pid: parsed.pid!, startTime: typeof parsed.startTime === "string" ? parsed.startTime : undefined };
  } catch {
    // Not JSON: judged below like an empty file.
  }
  return undefined;
}

type Verdict = { held: true; message: string } | { held: false };

function judge(dataDir: string, owner: Owner | undefined, stat: fs.Stats): Verdict {
  if (!owner) {
    if (Date.now() - stat.mtimeMs > UNWRITTEN_LOCK_STALE_MS) return { held: false };
    return {
      held: true,
      message:
        `The data folder ${dataDir} is locked by a lock file that names no owner yet: another Outbound Console process is starting. ` +
        `If none is, the lock is taken over a minute after it was written (or delete ${path.join(dataDir, "console.lock")}).`,
    };
  }
  const mine = processStartTime(process.pid);
  if (owner.pid === process.pid && (owner.startTime === undefined || owner.startTime === mine)) return { held: false };
  if (!isAlive(owner.pid)) return { held: false };
  const current = processStartTime(owner.pid);
  // The pid is alive but is another process than the one that wrote the lock.
  if (owner.startTime !== undefined && current !== undefined && current !== owner.startTime) return { held: false };
  if (owner.startTime === undefined && !looksLikeNode(owner.pid)) return { held: false };
  return {
    held: true,
    message:
      `The data folder ${dataDir} is in use by another Outbound Console process (pid ${owner.pid}). ` +
      "The embedded database allows one process only: stop the other one, or set DATABASE_URL to use PostgreSQL.",
  };
}

/** Removes the stale lock `stale` unless another process is already doing so or has done so. */
function takeOver(file: string, stale: fs.Stats): void {
  const token = `${file}.takeover-${stale.ino}-${Math.floor(stale.mtimeMs)}`;
  try {
    if (Date.now() - fs.statSync(token).mtimeMs > TAKEOVER_STALE_MS) fs.rmSync(token, { force: true });
  } catch {
    // No takeover in progress.
  }
  try {
    fs.writeFileSync(token, String(process.pid), { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return;
    throw err;
  }
  try {
    const now = fs.statSync(file, { throwIfNoEntry: false });
    if (now && now.ino === stale.ino && now.mtimeMs === stale.mtimeMs) fs.unlinkSync(file);
  } finally {
    fs.rmSync(token, { force: true });
  }
}

/** Puts `content` at `file` only if nothing is there; false when something is. */
function createComplete(dir: string, file: string, content: string): boolean {
  const temp = path.join(dir, `.console.lock.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  fs.writeFileSync(temp, content, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw err;
    // A file system without hard links: create and fill. A reader in between sees an empty lock, which counts as held.
    try {
      fs.writeFileSync(file, content, { flag: "wx", mode: 0o600 });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "console.lock");
  const content = `${JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) })}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createComplete(dataDir, file, content)) {
      let released = false;
      return {
        path: file,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, "utf8") === content) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    }
    let stat: fs.Stats;
    let text: string;
    try {
      // One descriptor for both, so the content and the inode judged are the same file's.
      const fd = fs.openSync(file, "r");
      try {
        stat = fs.fstatSync(fd);
        text = fs.readFileSync(fd, "utf8");
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      // Released (or taken over) between our attempt and this read: try again.
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    const verdict = judge(dataDir, parseOwner(text), stat);
    if (verdict.held) throw new DataDirLockedError(verdict.message);
    takeOver(file, stat);
    // Another process may be taking it over at the same moment: give it a moment before looking again.
    if (attempt > 0) pause(10);
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir}: its lock changed hands repeatedly. Try again.`);
}
