// `npm test`: every suite in turn — unit and integration on PGlite, the database suites again on PostgreSQL
// when TEST_DATABASE_URL is set, the unit and integration suite again on Node 22, end-to-end in Chromium, then the
// crash test — and one summed line at the end. (`npm test -- node22` also runs the PostgreSQL suites on Node 22: the
// full run leaves that pairing out to stay within CI's 30 minutes on two cores, as Node's version and the database
// engine are tested each on their own.) `npm test -- <step>` runs one step: unit, postgres, node22, e2e or crash; files named after
// the step narrow its Vitest runs (`npm test -- node22 lib/connect-local`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Outcome {
  name: string;
  passed: number;
  failed: number;
  exitCode: number;
  /** Names of the failed tests with the first line of their message, repeated at the end where a log's tail shows them. */
  failures?: string[];
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults?: { name: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[];
}

/** Failed tests, and tests that failed first and passed on CI's retry (their earlier failure is kept in the report). */
function vitestFailures(report: VitestReport | undefined): string[] {
  return (report?.testResults ?? []).flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === "failed" || (t.failureMessages?.length ?? 0) > 0)
      .map(
        (t) =>
          `${t.status === "failed" ? "failed" : "passed on retry"}: ${path.relative(process.cwd(), file.name)} > ${t.fullName}: ${(t.failureMessages?.[0] ?? "").split("\n")[0]!.slice(0, 300)}`,
      ),
  );
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

/** `node`, when given, is the Node binary Vitest and its workers run on; otherwise the one running this script. */
function vitest(name: string, filter: string[], env: Record<string, string>, node?: string) {
  const out = `${RESULTS}/${name.replace(/[^\w-]+/g, "-")}.json`;
  rmSync(out, { force: true });
  const args = ["run", ...filter, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
  const exitCode = node
    ? // The binary's folder goes first on PATH so anything the tests start by name (npx, node) is Node 22 too.
      run(node, ["node_modules/vitest/vitest.mjs", ...args], { ...env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}` })
    : run("npx", ["vitest", ...args], env);
  const report = readJson<VitestReport>(out);
  // No report means the runner itself failed: count that as a failure rather than as nothing.
  outcomes.push({ name, passed: report?.numPassedTests ?? 0, failed: report ? report.numFailedTests : 1, exitCode, failures: vitestFailures(report) });
}

// AWS SDK releases after January 2027 need Node 22, so the unit and database suites run on it as well. The binary
// comes from the npm registry's node-<platform>-<arch> package (npm pack checks its integrity) and is kept under
// node_modules/.cache, so each `npm ci` starts from the newest 22.x. NODE22_BIN points at one already installed.
const NODE22_CACHE = "node_modules/.cache/node22";

function node22(): string | undefined {
  const given = process.env.NODE22_BIN;
  const cached = path.resolve(NODE22_CACHE, "package/bin/node");
  const bin = given || cached;
  if (!given && !existsSync(cached)) {
    const platform = process.platform === "win32" ? "win" : process.platform;
    const spec = `node-${platform}-${process.arch}@22`;
    console.log(`[test] fetching Node 22 (${spec}) from the npm registry into ${NODE22_CACHE}`);
    rmSync(NODE22_CACHE, { recursive: true, force: true });
    mkdirSync(NODE22_CACHE, { recursive: true });
    const pack = spawnSync("npm", ["pack", spec, "--json", "--pack-destination", NODE22_CACHE], { encoding: "utf8" });
    const file = pack.status === 0 ? (JSON.parse(pack.stdout) as { filename: string }[])[0]?.filename : undefined;
    if (!file) {
      console.error(
        `[test] FAILED to fetch Node 22: \`npm pack ${spec}\` exited ${pack.status}.\n${(pack.stderr ?? "").trim()}\n` +
          "[test] The unit and database suites did not run on Node 22; that counts as a failure, not a skip. " +
          "Allow access to the npm registry, or set NODE22_BIN to a Node 22 binary.",
      );
      return undefined;
    }
    const archive = path.join(NODE22_CACHE, file);
    const untar = spawnSync("tar", ["-xzf", archive, "-C", NODE22_CACHE, "package/bin/node"], { encoding: "utf8" });
    rmSync(archive, { force: true });
    if (untar.status !== 0) {
      console.error(`[test] FAILED to unpack Node 22 from ${file}: ${(untar.stderr ?? "").trim()}`);
      return undefined;
    }
  }
  const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (version.status !== 0 || !/^v22\./.test(version.stdout ?? "")) {
    console.error(`[test] FAILED: ${bin} is not a working Node 22 (${(version.stdout || version.stderr || String(version.error)).trim()})`);
    return undefined;
  }
  console.log(`[test] unit and database suites on Node ${version.stdout.trim()} (${bin})`);
  return bin;
}

function onNode22(pgUrl: string | undefined, withPostgres: boolean) {
  const node = node22();
  if (!node) {
    outcomes.push({ name: "node 22 (fetch)", passed: 0, failed: 1, exitCode: 1 });
    return;
  }
  vitest("unit-pglite node 22", files, { TEST_DB_KIND: "pglite" }, node);
  if (pgUrl && withPostgres) vitest("db-postgres node 22", files.length ? files : ["db.test"], { TEST_DB_KIND: "postgres", TEST_DATABASE_URL: pgUrl }, node);
}

function ensureBrowser(): boolean {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("[test] installing Debian's chromium for the end-to-end tests");
    if (run("apt-get", ["update", "-qq"]) === 0 && run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0)
      return true;
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
// Only with a step: narrows that step's Vitest runs to these files instead of the whole suite.
const files = process.argv.slice(3);
const pgUrl = process.env.TEST_DATABASE_URL;

if (!only || only === "unit") vitest("unit-pglite", files, { TEST_DB_KIND: "pglite" });
if ((!only || only === "postgres") && pgUrl) vitest("db-postgres", files.length ? files : ["db.test"], { TEST_DB_KIND: "postgres", TEST_DATABASE_URL: pgUrl });
else if (!only || only === "postgres") console.log("[test] TEST_DATABASE_URL is not set: skipping the PostgreSQL run of the database suites");
if (!only || only === "node22") onNode22(pgUrl, only === "node22");
if (!only || only === "e2e") e2e();
if (!only || only === "crash") crash();

console.log("");
for (const o of outcomes) {
  console.log(`[test] ${o.name}: ${o.passed} passed, ${o.failed} failed${o.exitCode !== 0 ? ` (exit ${o.exitCode})` : ""}`);
  for (const f of o.failures ?? []) console.log(`[test]   ${f}`);
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
const ok = outcomes.length > 0 && outcomes.every((o) => o.exitCode === 0) && failed === 0;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
