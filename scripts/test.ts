// `npm test`: every suite in turn — unit and integration on PGlite, the database suites again on PostgreSQL
// when TEST_DATABASE_URL is set, end-to-end in Chromium, then the crash test — and one summed line at the end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

interface Outcome {
  name: string;
  passed: number;
  failed: number;
  exitCode: number;
}

const RESULTS = "test-results";
const outcomes: Outcome[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function vitest(name: string, filter: string[], env: Record<string, string>) {
  const out = `${RESULTS}/${name}.json`;
  rmSync(out, { force: true });
  const exitCode = run("npx", ["vitest", "run", ...filter, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(out);
  // No report means the runner itself failed: count that as a failure rather than as nothing.
  outcomes.push({ name, passed: report?.numPassedTests ?? 0, failed: report ? report.numFailedTests : 1, exitCode });
}

function ensureBrowser(): boolean {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("[test] installing Debian's chromium for the end-to-end tests");
    if (run("apt-get", ["update", "-qq"]) === 0 && run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0) return true;
  }
  console.error(
    "[test] No Chromium found. Install one (Debian/Ubuntu: apt-get install -y chromium), point CHROMIUM_PATH at a Chromium binary, " +
      "or run `npx playwright install chromium` where downloads are allowed.",
  );
  return existsSync(`${process.env.HOME}/.cache/ms-playwright`);
}

function e2e() {
  if (!ensureBrowser()) {
    outcomes.push({ name: "e2e", passed: 0, failed: 1, exitCode: 1 });
    return;
  }
  // Always a fresh production build: end-to-end tests against a stale one would test old code.
  const build = run("npx", ["next", "build"], { NODE_ENV: "production" });
  if (build !== 0) {
    outcomes.push({ name: "e2e (build)", passed: 0, failed: 1, exitCode: build });
    return;
  }
  const out = `${RESULTS}/e2e-report.json`;
  rmSync(out, { force: true });
  const exitCode = run("npx", ["playwright", "test"]);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(out);
  outcomes.push({ name: "e2e", passed: report ? report.stats.expected + report.stats.flaky : 0, failed: report ? report.stats.unexpected : 1, exitCode });
}

// The console is killed with SIGKILL mid-campaign and restarted; it needs the production build the e2e step made.
function crash() {
  if (!existsSync(".next/BUILD_ID") && run("npx", ["next", "build"], { NODE_ENV: "production" }) !== 0) {
    outcomes.push({ name: "crash (build)", passed: 0, failed: 1, exitCode: 1 });
    return;
  }
  const res = spawnSync("npx", ["tsx", "scripts/crash-test.ts"], { encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(res.stdout ?? "");
  process.stderr.write(res.stderr ?? "");
  const last = /crash: (\d+) passed, (\d+) failed/.exec(res.stdout ?? "");
  outcomes.push({ name: "crash", passed: last ? Number(last[1]) : 0, failed: last ? Number(last[2]) : 1, exitCode: res.status ?? 1 });
}

mkdirSync(RESULTS, { recursive: true });
const only = process.argv[2];
const pgUrl = process.env.TEST_DATABASE_URL;

if (!only || only === "unit") vitest("unit-pglite", [], { TEST_DB_KIND: "pglite" });
if ((!only || only === "postgres") && pgUrl) vitest("db-postgres", ["db.test"], { TEST_DB_KIND: "postgres", TEST_DATABASE_URL: pgUrl });
else if (!only || only === "postgres") console.log("[test] TEST_DATABASE_URL is not set: skipping the PostgreSQL run of the database suites");
if (!only || only === "e2e") e2e();
if (!only || only === "crash") crash();

console.log("");
for (const o of outcomes) console.log(`[test] ${o.name}: ${o.passed} passed, ${o.failed} failed${o.exitCode !== 0 ? ` (exit ${o.exitCode})` : ""}`);
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
const ok = outcomes.length > 0 && outcomes.every((o) => o.exitCode === 0) && failed === 0;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
