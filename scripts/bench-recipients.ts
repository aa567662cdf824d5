// `npm run bench:recipients`: a recipient list at real size through the running console, as an API client sends it.
// CSVs of 100,000 and 1,000,000 rows (phone,name,plan,region; 2 % invalid numbers, 1 % repeats) go through upload →
// checked draft → a second save with only the name changed → launch → cancel, against a console on PGlite (fresh data
// folder) and, when TEST_DATABASE_URL is set, one on a fresh PostgreSQL database, both with the simulator in a process
// of its own. While the stages run, /api/health is asked every 100 ms and the console's RSS read from /proc. Prints
// wall time, health p50/p99/max and peak RSS per stage, and the targets (1,000,000 rows to a checked draft < 15 s,
// RSS < 1 GB, health p99 < 250 ms) as met or NOT met; exits 0 unless the run itself broke.
//
//   npm run bench:recipients -- [--sizes 100000,1000000] [--pglite-only | --postgres-only] [--no-build] [--dev]
//
// The console runs its production build: a missing or stale one (older than the sources) is built first, or with
// --no-build the benchmark stops and says so. --dev runs Next's development server instead, which needs no build but
// compiles on first use and holds the compiler in memory: its figures only show that the benchmark works.
import "./allow-server-modules";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MAX_RECIPIENT_ROWS } from "@/lib/recipients/limits";
import { childEnv, killAllChildren, sleep, startTsChild, type Child } from "./lib/child-process";
import { DATABASE_OPTIONS, benchDatabases } from "./lib/bench-databases";
import { ApiAnswerError, BenchApi, BenchError } from "./lib/recipients-bench-api";
import { createBenchDatabase, ensureBuild, startBenchConsole, type BenchPostgres, type RunningConsole } from "./lib/recipients-bench-console";
import { writeBenchCsv, type BenchCsv } from "./lib/recipients-bench-csv";
import { IDLE, printHeader, printRun, type RunReport } from "./lib/recipients-bench-report";
import { ConsoleWatcher, procStatusBytes } from "./lib/recipients-bench-sampler";
import { findTarget, runStages } from "./lib/recipients-bench-stages";

const IDLE_MS = 2_000;
const started = Date.now();
const say = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

function readArgs() {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        sizes: { type: "string", default: "100000,1000000" },
        ...DATABASE_OPTIONS,
        "no-build": { type: "boolean", default: false },
        dev: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new BenchError(
      `${(err as Error).message}\nUsage: npm run bench:recipients -- [--sizes 100000,1000000] [--pglite-only | --postgres-only] [--no-build] [--dev]`,
    );
  }
  const sizes = values.sizes.split(",").map((part) => {
    const n = Number(part.trim().replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > MAX_RECIPIENT_ROWS)
      throw new BenchError(`--sizes: "${part}" is not a whole number of rows from 1 to ${MAX_RECIPIENT_ROWS.toLocaleString("en-US")}`);
    return n;
  });
  const { databases, pgUrl } = benchDatabases(values);
  return { sizes, databases, pgUrl, dev: values.dev, noBuild: values["no-build"] };
}

const temp = mkdtempSync(path.join(os.tmpdir(), "outbound-bench-recipients-"));
function cleanup(): void {
  killAllChildren();
  rmSync(temp, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log(`bench:recipients interrupted by ${signal}; children stopped, temp folder removed`);
    process.exit(1);
  });
}

async function startSim(): Promise<{ url: string; child: Child }> {
  const child = startTsChild("simulator", "scripts/lib/sim-server.ts", { env: childEnv({ SIM_CONFIG: JSON.stringify({ latencyMs: 20 }) }) });
  const line = await child.waitForLine(/^sim listening /, 60_000).catch((err: unknown) => {
    throw new BenchError(`the simulator did not start: ${err instanceof Error ? err.message : String(err)}`);
  });
  return { url: line.replace(/^sim listening /, "").trim(), child };
}

/** Asks every route the stages use once without a key, so the first timed request does not pay for loading it. */
async function warmRoutes(base: string): Promise<void> {
  const zero = "00000000-0000-4000-8000-000000000000";
  const calls: [string, string][] = [
    ["POST", "/api/v1/recipient-uploads"],
    ["POST", "/api/v1/campaigns"],
    ["PATCH", `/api/v1/campaigns/${zero}`],
    ["POST", `/api/v1/campaigns/${zero}/launch`],
    ["POST", `/api/v1/campaigns/${zero}/cancel`],
  ];
  for (const [method, pathname] of calls) {
    try {
      await (await fetch(`${base}${pathname}`, { method, signal: AbortSignal.timeout(120_000) })).arrayBuffer();
    } catch (err) {
      throw new BenchError(`the console did not answer ${method} ${pathname}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

interface RunOutcome {
  report: RunReport;
  /** A route is missing: every later run would break at the same place. */
  stopAll: boolean;
}

async function runOne(csv: BenchCsv, database: "PGlite" | "PostgreSQL", opts: { pgUrl?: string; simUrl: string; dev: boolean }): Promise<RunOutcome> {
  const dataDir = mkdtempSync(path.join(temp, "console-"));
  let pgDb: BenchPostgres | undefined;
  let running: RunningConsole | undefined;
  let watcher: ConsoleWatcher | undefined;
  const report: RunReport = { rows: csv.rows, database, stages: [], watcher: new ConsoleWatcher("", 0) };
  let stopAll = false;
  try {
    if (database === "PostgreSQL") pgDb = await createBenchDatabase(opts.pgUrl!);
    running = await startBenchConsole({ dataDir, simUrl: opts.simUrl, databaseUrl: pgDb?.url, dev: opts.dev }, say);
    const api = new BenchApi(running.base, running.key);
    const target = await findTarget(api);
    await warmRoutes(running.base);
    watcher = new ConsoleWatcher(`${running.base}/api/health`, running.child.pid);
    report.watcher = watcher;
    watcher.start(IDLE);
    await sleep(IDLE_MS);
    const idle = watcher.samples(IDLE).health;
    if (idle.length > 0 && idle.every((h) => !h.ok)) {
      const statuses = [...new Set(idle.map((h) => (h.status ? `HTTP ${h.status}` : "no answer")))].join(", ");
      throw new BenchError(`/api/health answered ${statuses} throughout the idle baseline: the console is not healthy, so no stage would be measured fairly`);
    }
    say(`${csv.rows.toLocaleString("en-US")} rows on ${database}: upload → checked draft → second save → launch → cancel`);
    await runStages(api, watcher, target, csv, (result) => {
      report.stages.push(result);
      say(`  ${result.stage}: ${result.seconds === undefined ? "–" : `${result.seconds.toFixed(2)} s`}${result.note ? ` (${result.note})` : ""}`);
    });
  } catch (err) {
    if (!(err instanceof BenchError)) throw err;
    report.broke = err.message;
    stopAll = err instanceof ApiAnswerError && err.routeMissing;
    say(`the run broke: ${err.message}`);
    // The console's own account of a 500 is in its log, under the reference the answer gave.
    if (running) console.log(`--- last console lines ---\n${running.child.tail(15).join("\n")}\n---`);
  } finally {
    await watcher?.stop();
    if (running) {
      report.hwmBytes = procStatusBytes(running.child.pid, "VmHWM");
      const stopped = await running.child.stop();
      if (stopped.code !== 0) say(`the console did not stop cleanly (${stopped.signal ?? `exit ${stopped.code}`})`);
    }
    await pgDb?.drop().catch((err: unknown) => say(`could not drop the benchmark's PostgreSQL database: ${err instanceof Error ? err.message : String(err)}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { report, stopAll };
}

async function main(): Promise<number> {
  const args = readArgs();
  say(
    `sizes ${args.sizes.map((n) => n.toLocaleString("en-US")).join(", ")} on ${args.databases.join(" and ")}` +
      `${args.databases.includes("PostgreSQL") ? "" : " (set TEST_DATABASE_URL for PostgreSQL as well)"}; ` +
      `${os.cpus().length} CPUs, Node ${process.version}, ${args.dev ? "development server (figures not comparable to the targets)" : "production build"}`,
  );
  if (!args.dev) ensureBuild(args.noBuild, say);

  const csvs: BenchCsv[] = [];
  for (const rows of args.sizes) {
    const t0 = Date.now();
    const csv = await writeBenchCsv(path.join(temp, `list-${rows}.csv`), rows);
    csvs.push(csv);
    const e = csv.expected;
    say(
      `wrote ${rows.toLocaleString("en-US")} rows, ${(csv.bytes / 1024 / 1024).toFixed(1)} MB (valid ${e.valid}, invalid ${e.invalid}, duplicate ${e.duplicate}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }

  const sim = await startSim();
  say(`simulator on ${sim.url}`);
  const reports: RunReport[] = [];
  try {
    runs: for (const csv of csvs) {
      for (const database of args.databases) {
        const { report, stopAll } = await runOne(csv, database, { pgUrl: args.pgUrl, simUrl: sim.url, dev: args.dev });
        reports.push(report);
        if (stopAll) {
          say("a route the benchmark needs is missing, so every later run would stop at the same place; stopping here");
          break runs;
        }
      }
    }
  } finally {
    await sim.child.stop(5_000);
  }

  console.log();
  printHeader();
  for (const report of reports) printRun(report);
  return reports.some((r) => r.broke) ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.log(`bench:recipients could not run: ${err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
