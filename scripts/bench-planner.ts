// `npm run bench:planner`: does the capacity planner tell the truth? Campaigns bound by (a) the account rate, (b) chat
// capacity with a chat lifetime the console learned from the flow's past chats, (c) chat capacity with a flow the user
// says ends its chats, (d) a 10DLC number's throughput, and (e) two campaigns sharing the account rate run through the
// running console (production build, PGlite, automation API) against the local Connect with every ceiling enforced:
// a quota of 10 concurrent chats, 2 starts per second, per-number throughput, flows that end chats after 2, 8 or 10 s.
// For each, the projection the check made is compared with the time from launch to the last send in the ledger, and
// the ceiling's use is the projection over the actual time (1.0: every slot and token used as the model assumes).
// Targets: |projected − actual| ≤ 10 % of actual, use ≥ 0.9. Prints a table; exits 0 unless the run itself broke.
//
//   npm run bench:planner -- [--cases a,b,c,d,e] [--no-build] [--dev]
import "./allow-server-modules";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { childEnv, killAllChildren, sleep, startTsChild } from "./lib/child-process";
import {
  ACCOUNT_PER_SECOND,
  CASES,
  CHAT_QUOTA,
  FLOW_ENDS,
  checkAndLaunch,
  findTarget,
  lastSentAt,
  waitDone,
  type BenchCase,
  type Target,
} from "./lib/planner-bench-cases";
import { BenchApi, BenchError } from "./lib/recipients-bench-api";
import { ensureBuild, startBenchConsole } from "./lib/recipients-bench-console";

const started = Date.now();
const say = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const CASE_TIMEOUT_MS = 10 * 60_000;
// Every chat of the case before must have ended (the longest flow ends them after 10 s) and been seen to end.
const SETTLE_MS = 15_000;

function readArgs() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      // (b) first: reconciliation checks contacts oldest first, a few a second at a 2/s account rate, so the teaching
      // chats are seen to end sooner when no other case's chats wait ahead of them.
      cases: { type: "string", default: "b,a,c,d,e" },
      "no-build": { type: "boolean", default: false },
      dev: { type: "boolean", default: false },
    },
    strict: true,
  });
  const keys = values.cases.split(",").map((k) => k.trim());
  const cases = keys.map((k) => CASES.find((c) => c.key === k) ?? failArgs(`--cases: no case "${k}" (there are ${CASES.map((c) => c.key).join(", ")})`));
  return { cases, noBuild: values["no-build"], dev: values.dev };
}

function failArgs(message: string): never {
  throw new BenchError(`${message}\nUsage: npm run bench:planner -- [--cases a,b,c,d,e] [--no-build] [--dev]`);
}

const temp = mkdtempSync(path.join(os.tmpdir(), "outbound-bench-planner-"));
process.on("exit", () => {
  killAllChildren();
  rmSync(temp, { recursive: true, force: true });
});

async function startSim(): Promise<string> {
  const config = { maxActiveChats: CHAT_QUOTA, rate: 20, burst: 20, latencyMs: 20, enforceNumberThroughput: true };
  const child = startTsChild("simulator", "scripts/lib/sim-server.ts", { env: childEnv({ SIM_CONFIG: JSON.stringify(config) }) });
  const line = await child.waitForLine(/^sim listening /, 60_000);
  return line.replace(/^sim listening /, "").trim();
}

/** Tells the simulator after how long each flow ends its chats. */
async function configureFlows(simUrl: string, target: Target): Promise<void> {
  const flowEndsChatAfterSeconds = Object.fromEntries(Object.entries(FLOW_ENDS).map(([key, f]) => [target.flows[key as keyof typeof FLOW_ENDS], f.seconds]));
  const res = await fetch(`${simUrl}/_local/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ flowEndsChatAfterSeconds }),
  });
  if (!res.ok) throw new BenchError(`the simulator refused the flow settings: HTTP ${res.status} ${await res.text()}`);
}

interface Row {
  c: BenchCase;
  projected: number | null;
  actual: number;
  binding: string;
  lifetime: string;
  note?: string;
}

async function runCase(api: BenchApi, target: Target, c: BenchCase): Promise<Row> {
  if (c.flow === "observed") {
    // The console learns a flow's chat lifetime from chats that ended: a first campaign on the flow teaches it.
    say(`  (${c.key}) a first campaign of 12 on "${FLOW_ENDS.observed.name}" so the console sees how long its chats last`);
    const teach = await checkAndLaunch(api, target, { ...c, stated: undefined }, `Bench ${c.key} teaching`, 12);
    await waitDone(api, teach.id, CASE_TIMEOUT_MS);
  }
  if (c.companion) {
    const other = await checkAndLaunch(api, target, c, `Bench ${c.key} companion`, c.companion);
    say(`  (${c.key}) companion of ${c.companion} launched (${other.id})`);
  }
  const run = await checkAndLaunch(api, target, c, `Bench ${c.key}`, c.recipients, c.flow === "observed" ? { timeoutMs: 5 * 60_000 } : undefined);
  const { campaign } = await api.call<{ campaign: { launchedAt: string } }>({
    method: "GET",
    pathname: `/api/v1/campaigns/${run.id}`,
    expect: 200,
    timeoutMs: 60_000,
  });
  const done = await waitDone(api, run.id, CASE_TIMEOUT_MS);
  const actual = ((await lastSentAt(api, run.id)) - Date.parse(campaign.launchedAt)) / 1000;
  const failed = done.recipients.failed + done.recipients.skipped;
  const row: Row = {
    c,
    projected: run.plan.seconds,
    actual,
    binding: run.plan.binding,
    lifetime: `${Math.round(run.plan.lifetime.seconds)} s (${run.plan.lifetime.source})`,
    ...(failed > 0 ? { note: `${failed} rows failed or skipped` } : {}),
  };
  if (run.plan.binding !== c.binding) row.note = [row.note, `built to be bound by ${c.binding}`].filter(Boolean).join("; ");
  return row;
}

function print(rows: Row[]): void {
  console.log("");
  console.log(`Planner vs actual (account ${ACCOUNT_PER_SECOND} starts/s, quota ${CHAT_QUOTA} chats, every ceiling enforced by the local Connect)`);
  console.log("case  binding ceiling       chat lifetime       projected   actual     error    use    target");
  for (const r of rows) {
    const error = r.projected === null ? null : (r.projected - r.actual) / r.actual;
    const use = r.projected === null ? null : Math.min(1, r.projected / r.actual);
    const met = error !== null && use !== null && Math.abs(error) <= 0.1 && use >= 0.9;
    console.log(
      [
        `(${r.c.key})`.padEnd(5),
        r.binding.padEnd(21),
        r.lifetime.padEnd(19),
        (r.projected === null ? "blocked" : `${r.projected.toFixed(0)} s`).padStart(9),
        `${r.actual.toFixed(1)} s`.padStart(9),
        (error === null ? "–" : `${(error * 100).toFixed(1)} %`).padStart(8),
        (use === null ? "–" : use.toFixed(2)).padStart(6),
        met ? "  met" : "  NOT met",
        r.note ? `  (${r.note})` : "",
      ].join(" "),
    );
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  if (!args.dev) ensureBuild(args.noBuild, say);
  const simUrl = await startSim();
  const running = await startBenchConsole(
    {
      dataDir: path.join(temp, "console"),
      simUrl,
      dev: args.dev,
      env: { CONCURRENT_CHAT_QUOTA: String(CHAT_QUOTA), ACCOUNT_SENDS_PER_SECOND: String(ACCOUNT_PER_SECOND), RECONCILE_SECONDS: "1" },
    },
    say,
  );
  const api = new BenchApi(running.base, running.key);
  const target = await findTarget(api);
  await configureFlows(simUrl, target);
  const rows: Row[] = [];
  for (const c of args.cases) {
    say(`(${c.key}) ${c.title}: ${c.recipients} recipients${c.companion ? ` after a companion of ${c.companion}` : ""}`);
    const row = await runCase(api, target, c);
    say(`  projected ${row.projected ?? "blocked"} s, actual ${row.actual.toFixed(1)} s, bound by ${row.binding}`);
    rows.push(row);
    await sleep(SETTLE_MS);
  }
  print(rows);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof BenchError ? `bench:planner: ${err.message}` : err);
    process.exit(1);
  },
);
