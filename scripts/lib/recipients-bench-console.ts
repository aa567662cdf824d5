// The console the recipients benchmark measures: a real `scripts/server.ts` process on a fresh data folder (PGlite) or
// a fresh PostgreSQL database, against the simulator process, with its first admin made at start and an API key made
// by scripts/create-api-key.ts, exactly as an operator would.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BenchError } from "./recipients-bench-api";
import { childEnv, freePort, sleep, startTsChild, type Child } from "./child-process";

const READY_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------------------------------
// The production build

/** What `next build` reads; tests are left out, since changing one does not change the build. */
const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "next.config.mjs", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestInput(entry: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(entry)) return undefined;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? undefined : { file: entry, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(entry)) {
    const found = newestInput(path.join(entry, name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/** Why the production build cannot be measured as it is, or undefined when it is current. */
export function staleBuildReason(): string | undefined {
  if (!existsSync(".next/BUILD_ID")) return "there is no production build (.next/BUILD_ID)";
  const built = statSync(".next/BUILD_ID").mtimeMs;
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of BUILD_INPUTS) {
    const found = newestInput(entry);
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest && newest.mtimeMs > built ? `the production build is older than ${newest.file}` : undefined;
}

/**
 * Measuring an old build would time old code, so a missing or stale build is rebuilt first (as `npm start` does for a
 * missing one); with `refuse`, the benchmark stops instead and says what to run.
 */
export function ensureBuild(refuse: boolean, say: (line: string) => void): void {
  const reason = staleBuildReason();
  if (!reason) return;
  if (refuse) throw new BenchError(`${reason}. Run \`npm run build\` first, or leave out --no-build and the benchmark builds it.`);
  say(`${reason}: running next build (a few minutes)`);
  const t0 = Date.now();
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new BenchError(`next build failed (exit ${build.status ?? build.signal}); the console cannot be measured without it`);
  say(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------------------------------
// A fresh PostgreSQL database per run, as lib/testing/test-db.ts makes them

export interface BenchPostgres {
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(baseUrl: string): Promise<BenchPostgres> {
  const host = new URL(baseUrl).hostname;
  // The benchmark creates and drops databases: never anywhere but this machine.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host))
    throw new BenchError(`TEST_DATABASE_URL points at ${host}; the benchmark only uses a local PostgreSQL`);
  const name = `bench_recipients_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    throw new BenchError(`could not create a PostgreSQL database at ${host}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The console process

export interface ConsoleSetup {
  dataDir: string;
  simUrl: string;
  /** A fresh PostgreSQL database; PGlite in dataDir when absent. */
  databaseUrl?: string;
  /** Next's development server (compiles on first request): only to check the benchmark's plumbing without a build. */
  dev: boolean;
  /** More configuration for the console, e.g. its quotas. */
  env?: Record<string, string>;
  /** The API key's role: supervisor unless the benchmark must change settings as an admin would. */
  keyRole?: "admin" | "supervisor";
}

export interface RunningConsole {
  child: Child;
  base: string;
  key: string;
  startSeconds: number;
}

const AUTH_SECRET = randomBytes(36).toString("base64url");

function consoleEnv(setup: ConsoleSetup, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv({
    NODE_ENV: setup.dev ? "development" : "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATA_DIR: setup.dataDir,
    CONNECT_MODE: "local",
    CONNECT_ENDPOINT: setup.simUrl,
    AUTH_SECRET,
    ...(setup.databaseUrl ? { DATABASE_URL: setup.databaseUrl } : {}),
    ...setup.env,
    ...extra,
  });
}

async function startProcess(setup: ConsoleSetup, port: number, label: string, extra?: Record<string, string>): Promise<Child> {
  const child = startTsChild(`console (${label})`, "scripts/server.ts", { env: consoleEnv(setup, port, extra), args: setup.dev ? ["--dev"] : [] });
  try {
    await child.waitForLine(/\[console\] ready on /, READY_TIMEOUT_MS);
  } catch (err) {
    child.kill();
    throw new BenchError(`the console did not start: ${err instanceof Error ? err.message : String(err)}\n${child.tail(20).join("\n")}`);
  }
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
    if (res?.ok) return child;
    if (Date.now() > until)
      throw new BenchError(`the console printed ready but /api/health did not answer 200 within 60 s (last: ${res?.status ?? "no answer"})`);
    await sleep(250);
  }
}

/** First start makes the admin, then a clean stop, an API key from create-api-key, and the start that is measured. */
export async function startBenchConsole(setup: ConsoleSetup, say: (line: string) => void): Promise<RunningConsole> {
  mkdirSync(setup.dataDir, { recursive: true });
  const port = await freePort();
  const admin = { ADMIN_EMAIL: "bench-admin@example.com", ADMIN_PASSWORD: `Bench-${randomBytes(12).toString("base64url")}` };
  const first = await startProcess(setup, port, "first start", admin);
  const stopped = await first.stop();
  if (stopped.code !== 0) throw new BenchError(`the console's first start did not stop cleanly (${stopped.signal ?? `exit ${stopped.code}`})`);

  const keyProc = startTsChild("create-api-key", "scripts/create-api-key.ts", {
    env: consoleEnv(setup, port),
    args: ["--name", "Bench", "--role", setup.keyRole ?? "supervisor", "--json"],
  });
  const keyExit = await Promise.race([keyProc.exited, sleep(90_000).then(() => undefined)]);
  if (!keyExit || keyExit.code !== 0) {
    keyProc.kill();
    throw new BenchError(`create-api-key failed (${keyExit ? `exit ${keyExit.code}` : "timed out"}):\n${keyProc.tail(10).join("\n")}`);
  }
  const keyLine = keyProc.tail(50).find((l) => l.startsWith("{"));
  const key = keyLine ? (JSON.parse(keyLine) as { key?: string }).key : undefined;
  if (!key) throw new BenchError("create-api-key printed no key");

  const t0 = Date.now();
  const child = await startProcess(setup, port, "measured");
  const startSeconds = (Date.now() - t0) / 1000;
  say(`console ready on port ${port} (pid ${child.pid}, ${startSeconds.toFixed(1)} s to start${setup.dev ? ", development server" : ""})`);
  return { child, base: `http://127.0.0.1:${port}`, key, startSeconds };
}
