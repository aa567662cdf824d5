// Child processes for the crash test and the benchmark: TypeScript entries run as `node --import tsx <file>` (one
// process, so a signal reaches the program itself), each in its own process group so that SIGKILL takes it down
// whole. Every child started here is remembered and killed on exit, whatever way this process ends.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** The last lines the child wrote (stdout and stderr), for a failure report. */
  tail(lines?: number): string[];
  /** Resolves with the first line matching `pattern`; rejects if the child exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves when the child has exited, with its exit code (or the signal that ended it). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly running: boolean;
  /** SIGKILL to the child's whole process group. */
  kill(): void;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const live = new Set<Child>();

/** Kills every child still running (synchronous: safe in an exit handler). */
export function killAllChildren(): void {
  for (const child of live) child.kill();
}

process.on("exit", killAllChildren);

const MAX_TAIL = 400;

export function startTsChild(name: string, entry: string, opts: { env: NodeJS.ProcessEnv; args?: string[]; echo?: (line: string) => void }): Child {
  const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry, ...(opts.args ?? [])], {
    cwd: process.cwd(),
    env: opts.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${entry}`);
  const pid = proc.pid;
  const lines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  let running = true;

  const onData = (stream: NodeJS.ReadableStream) => {
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      partial += chunk;
      const parts = partial.split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (lines.length > MAX_TAIL) lines.shift();
        opts.echo?.(line);
        for (const w of [...waiters]) w(line);
      }
    });
  };
  onData(proc.stdout!);
  onData(proc.stderr!);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once("exit", (code, signal) => {
      running = false;
      live.delete(child);
      resolve({ code, signal });
    });
  });

  const child: Child = {
    name,
    pid,
    tail: (n = 40) => lines.slice(-n),
    exited,
    get running() {
      return running;
    },
    waitForLine(pattern, timeoutMs) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(onLine);
        };
        const onLine = (line: string) => {
          if (!pattern.test(line)) return;
          done();
          resolve(line);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name}: no line matching ${pattern} within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        waiters.add(onLine);
        void exited.then(({ code, signal }) => {
          if (!waiters.has(onLine)) return;
          done();
          reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before printing a line matching ${pattern}`));
        });
      });
    },
    kill() {
      if (!running) return;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
    async stop(graceMs = 20_000) {
      if (running) {
        try {
          process.kill(-pid, "SIGTERM");
        } catch {
          // Already gone.
        }
        const timer = setTimeout(() => child.kill(), graceMs);
        const result = await exited;
        clearTimeout(timer);
        return result;
      }
      return exited;
    },
  };
  live.add(child);
  return child;
}

/** A TCP port free right now on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** An environment for a child: this process's, minus what would point it at another database or console. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "CONNECT_ENDPOINT", "PUBLIC_URL", "DISPATCHER", "AUTH_SECRET", "NEXT_PHASE"])
    delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("CONNECT_LOCAL_")) delete env[name];
  return { ...env, ...overrides };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
