// The data-folder lock between real processes: many starting at once (on a free folder, and on one whose lock was
// left by a dead process) end with exactly one owner and clear errors for the rest; a lock being written counts as
// held; a lock whose pid now belongs to an unrelated process is taken over.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir, processStartTime } from "./data-dir-lock";

const CHILDREN = 8;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "data-dir-lock-"));
const lockFile = (dir: string) => path.join(dir, "console.lock");

// A child takes commands on stdin ("lock <dir>", "release") and answers one JSON line each.
const CHILD = `
import readline from "node:readline";
import { lockDataDir } from ${JSON.stringify(path.resolve("lib/db/data-dir-lock.ts"))};
let held;
const say = (o) => process.stdout.write(JSON.stringify(o) + "\\n");
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, dir] = line.split(" ");
  if (cmd === "lock") {
    try { held = lockDataDir(dir); say({ ok: true, pid: process.pid }); }
    catch (err) { say({ ok: false, name: err.constructor.name, code: err.code, message: err.message }); }
  } else if (cmd === "release") { held?.release(); held = undefined; say({ released: true }); }
});
say({ ready: true });
`;

interface Child {
  proc: ChildProcess;
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
}

function startChild(script: string): Child {
  const proc = spawn(path.resolve("node_modules/.bin/tsx"), [script], { stdio: ["pipe", "pipe", "inherit"] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: proc.stdout! }).on("line", (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  return {
    proc,
    next: () =>
      new Promise((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(JSON.parse(line));
        else waiting.push((l) => resolve(JSON.parse(l)));
      }),
    send: (line) => proc.stdin!.write(`${line}\n`),
  };
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => p.once("exit", resolve));
  return p.pid!;
}

describe("lockDataDir", () => {
  let children: Child[] = [];

  beforeAll(async () => {
    const script = path.join(tmp, "child.mts");
    fs.writeFileSync(script, CHILD);
    children = Array.from({ length: CHILDREN }, () => startChild(script));
    await Promise.all(children.map((c) => c.next()));
  });
  afterAll(() => {
    for (const c of children) c.proc.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Every child tries to lock `dir` at the same moment; the owner then releases it. */
  async function race(dir: string): Promise<Record<string, unknown>[]> {
    for (const c of children) c.send(`lock ${dir}`);
    const results = await Promise.all(children.map((c) => c.next()));
    const owners = children.filter((_, i) => results[i]!.ok);
    for (const o of owners) o.send("release");
    await Promise.all(owners.map((o) => o.next()));
    return results;
  }

  it("gives a free folder to exactly one of many processes starting at once; the others get a clear error", async () => {
    for (let round = 0; round < 5; round++) {
      const results = await race(path.join(tmp, `free-${round}`));
      expect(
        results.filter((r) => r.ok),
        JSON.stringify(results),
      ).toHaveLength(1);
      for (const r of results.filter((x) => !x.ok)) {
        expect(r.name).toBe("DataDirLockedError");
        expect(r.message).toMatch(/in use by another Outbound Console process \(pid \d+\)/);
      }
    }
  });

  it("gives a folder whose owner died to exactly one of many processes taking it over at once", async () => {
    for (let round = 0; round < 4; round++) {
      const dir = path.join(tmp, `stale-${round}`);
      fs.mkdirSync(dir);
      const pid = await deadPid();
      // Both formats: this version's, and the pid alone of earlier versions.
      fs.writeFileSync(lockFile(dir), round % 2 === 0 ? JSON.stringify({ pid, startTime: "12345" }) : `${pid}\n`);
      const results = await race(dir);
      expect(
        results.filter((r) => r.ok),
        JSON.stringify(results),
      ).toHaveLength(1);
      for (const r of results.filter((x) => !x.ok)) expect(r.name).toBe("DataDirLockedError");
      expect(fs.existsSync(lockFile(dir))).toBe(false);
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it("treats an empty lock file as held while it is fresh, and as a crash mid-write once over a minute old", () => {
    const dir = path.join(tmp, "empty");
    fs.mkdirSync(dir);
    fs.writeFileSync(lockFile(dir), "");
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/names no owner yet/);
    expect(fs.readFileSync(lockFile(dir), "utf8")).toBe("");

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    fs.utimesSync(lockFile(dir), twoMinutesAgo, twoMinutesAgo);
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  describe.skipIf(process.platform !== "linux")("a live pid", () => {
    let sleeper: ChildProcess;
    beforeAll(() => {
      // An unrelated process that happens to have the pid a lock names (a container restart reuses pids).
      sleeper = spawn("sleep", ["60"]);
    });
    afterAll(() => {
      sleeper.kill();
    });

    it("is taken over when it started at another time than the lock's owner", () => {
      const dir = path.join(tmp, "reused");
      fs.mkdirSync(dir);
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: sleeper.pid, startTime: "1" }));
      const lock = lockDataDir(dir);
      expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8"))).toEqual({ pid: process.pid, startTime: processStartTime(process.pid) });
      lock.release();
    });

    it("is taken over from a lock of an earlier version when it is not a node process", () => {
      const dir = path.join(tmp, "reused-old-format");
      fs.mkdirSync(dir);
      fs.writeFileSync(lockFile(dir), `${sleeper.pid}\n`);
      lockDataDir(dir).release();
    });

    it("keeps the lock when it is the process that wrote it", () => {
      const dir = path.join(tmp, "live");
      fs.mkdirSync(dir);
      fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: sleeper.pid, startTime: processStartTime(sleeper.pid!) }));
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another Outbound Console process \\(pid ${sleeper.pid}\\)`));
      // And an earlier version's lock held by a live node process.
      fs.writeFileSync(lockFile(dir), `${children[0]!.proc.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    });
  });
});
