// `npm run bench:dispatch`: the campaign dispatcher against the local Connect simulator (a process of its own, 50 ms
// latency), one campaign per configured rate, with production dispatcher settings. Per rate: achieved ÷ configured
// rate over the steady part (from the 10th percentile send, and at least 3 s in, to the 90th), total time, database
// statements per recipient, CPU time per 1,000 sends, peak RSS, and the same campaign sent by a naive sequential loop
// for comparison. Then a run with 5 % InternalServiceException, lost responses and throttling (injected, plus a Connect quota at half
// the configured rate) that must still contact every recipient exactly once. Prints figures and PASS/FAIL; always
// exits 0 (figures vary with the machine, so they are reported, never asserted in CI).
//
//   npm run bench:dispatch -- [--recipients 10000 | --recipients 150,1500,4000] [--rates 5,50,200]
//                             [--fault-recipients N] [--fault-rate R] [--naive-seconds 60] [--latency 50] [--postgres]
//                             [--max-in-flight N]   (what-if only: the console always runs the default)
import "./allow-server-modules";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { asc, eq } from "drizzle-orm";
import { configureAuditKey } from "@/lib/audit/key";
import { clientTokenFor } from "@/lib/campaigns/client-token";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import type { ConnectLocalConfigPatch } from "@/lib/connect-local/config";
import { listLocalContacts } from "@/lib/connect-local/local-listing";
import { campaignRecipients, campaigns, type CampaignRecipient } from "@/lib/db/schema";
import { startDispatcher } from "@/lib/dispatch/dispatcher";
import { DEFAULT_DISPATCH_OPTIONS } from "@/lib/dispatch/options";
import { sendToRecipient } from "@/lib/dispatch/send-recipient";
import { benchTarget, launchBenchCampaign, type BenchTarget } from "./lib/bench-campaign";
import { childEnv, sleep, startTsChild, type Child } from "./lib/child-process";
import { openCountedDb, type CountedDb } from "./lib/counted-db";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const GOAL = 0.95;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------------
// Arguments

const list = (text: string, what: string) =>
  text.split(",").map((part) => {
    const n = Number(part.trim());
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${what}: "${part}" is not a positive number`);
    return n;
  });

function readArgs() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      recipients: { type: "string", default: "10000" },
      rates: { type: "string", default: "5,50,200" },
      "fault-recipients": { type: "string" },
      "fault-rate": { type: "string" },
      "naive-seconds": { type: "string", default: "60" },
      latency: { type: "string", default: "50" },
      postgres: { type: "boolean", default: false },
      "max-in-flight": { type: "string" },
    },
    strict: true,
  });
  const rates = list(values.rates, "--rates");
  if (rates.some((r) => r > 1000)) throw new Error("--rates: a campaign sends at most 1,000 per second");
  const counts = list(values.recipients, "--recipients").map(Math.round);
  if (counts.length !== 1 && counts.length !== rates.length) throw new Error("--recipients takes one number, or one per rate");
  const sizes = rates.map((rate, i) => ({ rate, recipients: counts.length === 1 ? counts[0]! : counts[i]! }));
  const last = sizes[sizes.length - 1]!;
  return {
    sizes,
    fault: {
      rate: values["fault-rate"] ? list(values["fault-rate"], "--fault-rate")[0]! : last.rate,
      recipients: values["fault-recipients"] ? Math.round(list(values["fault-recipients"], "--fault-recipients")[0]!) : last.recipients,
    },
    naiveSeconds: list(values["naive-seconds"], "--naive-seconds")[0]!,
    latencyMs: Math.round(list(values.latency, "--latency")[0]!),
    kind: values.postgres ? ("postgres" as const) : ("pglite" as const),
    /** Only to see what a larger bound would change; the console always runs the default. */
    maxInFlight: values["max-in-flight"] ? Math.round(list(values["max-in-flight"], "--max-in-flight")[0]!) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The simulator, in its own process

interface Sim {
  url: string;
  child: Child;
  reset(): Promise<void>;
  setConfig(patch: ConnectLocalConfigPatch): Promise<void>;
  contacts(): Promise<{ contactId: string; clientToken: string | null; customerAddress: string; initiatedAt: string }[]>;
  counters(): Promise<{
    contactsCreated: number;
    idempotentReplays: number;
    requests: Record<string, number>;
    errors: Record<string, number>;
    faultsInjected: Record<string, number>;
  }>;
}

async function startSim(config: ConnectLocalConfigPatch): Promise<Sim> {
  const child = startTsChild("simulator", "scripts/lib/sim-server.ts", { env: childEnv({ SIM_CONFIG: JSON.stringify(config) }) });
  const line = await child.waitForLine(/^sim listening /, 60_000);
  const url = line.replace(/^sim listening /, "").trim();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    url,
    child,
    reset: async () => void (await call("POST", "/_local/reset")),
    setConfig: async (patch) => void (await call("PUT", "/_local/config", patch)),
    contacts: () => listLocalContacts<Awaited<ReturnType<Sim["contacts"]>>[number]>(url, {}, (pageUrl) => call("GET", pageUrl.slice(url.length))),
    counters: async () => ((await call("GET", "/_local/state")) as { counters: Awaited<ReturnType<Sim["counters"]>> }).counters,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Measuring

interface DispatchRun {
  label: string;
  rate: number;
  recipients: number;
  completed: boolean;
  stoppedBecause?: string;
  totalS: number;
  /** Contacts started per second as Connect saw them (the simulator's clock), over the steady part. */
  steadyRate: number;
  /** The same from the ledger's sentAt (when each result was recorded). */
  steadyRecordedRate: number;
  overallRate: number;
  statementsPerRecipient: number;
  transactionsPerRecipient: number;
  cpuMsPer1000: number;
  cpuShare: number;
  peakRssMb: number;
  baselineRssMb: number;
  sent: number;
  failed: number;
  extraAttempts: number;
  exactlyOnce: { ok: boolean; problems: string[]; startedAtMs: number[] };
  errors: Record<string, number>;
}

interface NaiveRun {
  rate: number;
  attempted: number;
  sent: number;
  errors: number;
  elapsedS: number;
  achievedRate: number;
  projectedTotalS: number;
  cpuMsPer1000: number;
  cutShort: boolean;
}

/**
 * Sends per second over the steady part: from the 10th percentile send, or from 3 s after the first send if that is
 * later (both buckets start full, one second's worth each, and the burst drains for a while at the in-flight bound),
 * to the 90th percentile send, leaving out the tail.
 */
function steadyRate(sentAtMs: number[]): number {
  const n = sentAtMs.length;
  const whole = () => n / Math.max(0.001, ((sentAtMs[n - 1] ?? 0) - (sentAtMs[0] ?? 0)) / 1000);
  if (n < 20) return whole();
  const hi = Math.ceil(n * 0.9) - 1;
  const afterBurst = sentAtMs.findIndex((t) => t >= sentAtMs[0]! + 3_000);
  const lo = Math.max(Math.floor(n * 0.1), afterBurst === -1 ? n : afterBurst);
  if (hi - lo < 10) return whole();
  const seconds = (sentAtMs[hi]! - sentAtMs[lo]!) / 1000;
  return seconds > 0 ? (hi - lo) / seconds : Infinity;
}

/** Checks Connect's side against the ledger; also returns when each of the campaign's contacts was started. */
async function verifyExactlyOnce(sim: Sim, rows: CampaignRecipient[], campaignId: string): Promise<{ ok: boolean; problems: string[]; startedAtMs: number[] }> {
  const contacts = await sim.contacts();
  const byToken = new Map<string, string[]>();
  for (const c of contacts) byToken.set(c.clientToken ?? "", [...(byToken.get(c.clientToken ?? "") ?? []), c.contactId]);
  const problems: string[] = [];
  const mine = new Set<string>();
  let missing = 0;
  let doubled = 0;
  let mismatched = 0;
  let unsent = 0;
  for (const r of rows) {
    const token = clientTokenFor(campaignId, r.phone!);
    mine.add(token);
    const found = byToken.get(token) ?? [];
    if (r.sendStatus !== "sent") unsent += 1;
    if (found.length === 0) missing += 1;
    else if (found.length > 1) doubled += 1;
    else if (found[0] !== r.contactId) mismatched += 1;
  }
  const strangers = contacts.filter((c) => !mine.has(c.clientToken ?? "")).length;
  if (unsent > 0) problems.push(`${unsent} recipients not marked sent`);
  if (missing > 0) problems.push(`${missing} recipients without a contact`);
  if (doubled > 0) problems.push(`${doubled} recipients with more than one contact`);
  if (mismatched > 0) problems.push(`${mismatched} ledger ContactIds differ from Connect's`);
  if (strangers > 0) problems.push(`${strangers} contacts for nobody in the campaign`);
  const startedAtMs = contacts
    .filter((c) => mine.has(c.clientToken ?? ""))
    .map((c) => Date.parse(c.initiatedAt))
    .sort((a, b) => a - b);
  return { ok: problems.length === 0, problems, startedAtMs };
}

async function ledgerRows(db: CountedDb, campaignId: string): Promise<CampaignRecipient[]> {
  const rows = await db.quiet.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaignId)).orderBy(asc(campaignRecipients.id));
  return rows.filter((r) => r.sendStatus !== null);
}

async function runDispatcher(
  db: CountedDb,
  sim: Sim,
  gateway: ConnectGateway,
  label: string,
  campaign: { campaignId: string; rate: number; recipients: number },
  maxInFlight: number | undefined,
): Promise<DispatchRun> {
  const { campaignId, rate, recipients } = campaign;
  const timeoutMs = Math.max(60_000, (recipients / rate) * 3_000 + 60_000);
  let finished: (why?: string) => void = () => {};
  const over = new Promise<string | undefined>((resolve) => (finished = resolve));
  const timer = setTimeout(() => finished(`not complete after ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

  const s0 = db.statements();
  const tx0 = db.transactions();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const dispatcher = startDispatcher({
    db: db.db,
    gateway,
    workerId: `bench-${label}`,
    // Production settings (as the console runs them), with the account rate set to this run's rate.
    options: { limiterKey: `bench:${label}`, accountSendsPerSecond: rate, ...(maxInFlight ? { maxInFlight } : {}) },
    log: (line) => {
      if (line === `completed campaign ${campaignId}`) finished();
      else if (line.startsWith(`paused campaign ${campaignId}`)) finished(line);
    },
  });
  const stoppedBecause = await over;
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const statements = db.statements() - s0;
  const transactions = db.transactions() - tx0;
  clearTimeout(timer);
  await dispatcher.stop();
  clearInterval(sampler);

  const rows = await ledgerRows(db, campaignId);
  const sentAt = rows.flatMap((r) => (r.sendStatus === "sent" && r.sentAt ? [r.sentAt.getTime()] : [])).sort((a, b) => a - b);
  const sent = sentAt.length;
  const errors: Record<string, number> = {};
  for (const r of rows) if (r.lastErrorName) errors[r.lastErrorName] = (errors[r.lastErrorName] ?? 0) + 1;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const exactlyOnce = await verifyExactlyOnce(sim, rows, campaignId);
  return {
    label,
    rate,
    recipients,
    completed: stoppedBecause === undefined,
    stoppedBecause,
    totalS: elapsedMs / 1000,
    steadyRate: steadyRate(exactlyOnce.startedAtMs),
    steadyRecordedRate: steadyRate(sentAt),
    overallRate: sent / (elapsedMs / 1000),
    statementsPerRecipient: statements / recipients,
    transactionsPerRecipient: transactions / recipients,
    cpuMsPer1000: sent > 0 ? (cpuMs / sent) * 1000 : NaN,
    cpuShare: cpuMs / elapsedMs,
    peakRssMb: peakRss / MB,
    baselineRssMb: baselineRss / MB,
    sent,
    failed: rows.filter((r) => r.sendStatus === "failed").length,
    extraAttempts: rows.reduce((sum, r) => sum + Math.max(0, r.attempts - 1), 0),
    exactlyOnce,
    errors,
  };
}

/** The same recipients, one StartOutboundChatContact at a time, paced to the configured rate; no ledger, no retries. */
async function runNaive(
  gateway: ConnectGateway,
  campaignId: string,
  config: CampaignConfig,
  rows: CampaignRecipient[],
  rate: number,
  budgetS: number,
): Promise<NaiveRun> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let sent = 0;
  let errors = 0;
  let attempted = 0;
  let cutShort = false;
  for (let k = 0; k < rows.length; k++) {
    const wait = t0 + (k * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    if (performance.now() - t0 > budgetS * 1000) {
      cutShort = true;
      break;
    }
    attempted += 1;
    const result = await sendToRecipient(gateway, campaignId, config, rows[k]!);
    if (result.ok) sent += 1;
    else errors += 1;
  }
  const elapsedS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const achievedRate = attempted / elapsedS;
  return {
    rate,
    attempted,
    sent,
    errors,
    elapsedS,
    achievedRate,
    projectedTotalS: cutShort ? rows.length / achievedRate : elapsedS,
    cpuMsPer1000: attempted > 0 ? ((cpu.user + cpu.system) / 1000 / attempted) * 1000 : NaN,
    cutShort,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Output

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a");
const out = (line = "") => console.log(line);

function printDispatchRun(r: DispatchRun, naive?: NaiveRun) {
  const ratio = r.steadyRate / r.rate;
  out(
    `  dispatcher: ${r.sent.toLocaleString("en-US")} of ${r.recipients.toLocaleString("en-US")} sent${r.failed ? `, ${r.failed} failed` : ""}${r.completed ? ", campaign completed" : ` — stopped: ${r.stoppedBecause}`}`,
  );
  out(
    `    achieved ÷ configured   ${f(ratio, 3)}  (steady ${f(r.steadyRate)}/s of ${r.rate}/s as contacts started in Connect, ${f(r.steadyRecordedRate)}/s as recorded in the ledger; overall ${f(r.overallRate)}/s)  ${ratio >= GOAL ? "PASS" : "FAIL"} (goal ≥ ${GOAL})`,
  );
  out(`    total time              ${f(r.totalS)} s  (ideal ${f(r.recipients / r.rate)} s)`);
  out(`    statements / recipient  ${f(r.statementsPerRecipient, 2)}  (${f(r.transactionsPerRecipient, 2)} transactions / recipient)`);
  out(`    CPU per 1,000 sends     ${f(r.cpuMsPer1000, 0)} ms  (${f(r.cpuShare * 100, 0)}% of one core while sending; dispatcher + database + SDK)`);
  out(`    peak RSS                ${f(r.peakRssMb)} MB  (${f(r.baselineRssMb)} MB when the run started)`);
  out(`    exactly once            ${r.exactlyOnce.ok ? "yes" : `NO — ${r.exactlyOnce.problems.join("; ")}`}`);
  if (Object.keys(r.errors).length > 0)
    out(
      `    last errors on rows     ${Object.entries(r.errors)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}; extra attempts ${r.extraAttempts}`,
    );
  if (naive) {
    out(`  naive loop (sequential StartOutboundChatContact, paced at ${naive.rate}/s, nothing recorded):`);
    out(
      `    ${naive.attempted.toLocaleString("en-US")} calls in ${f(naive.elapsedS)} s = ${f(naive.achievedRate)}/s (${f(naive.achievedRate / naive.rate, 3)} of configured)` +
        `${naive.cutShort ? `; stopped at the time budget — all ${r.recipients.toLocaleString("en-US")} would take ~${f(naive.projectedTotalS, 0)} s` : ""}` +
        `; CPU ${f(naive.cpuMsPer1000, 0)} ms per 1,000 calls${naive.errors ? `; ${naive.errors} errors` : ""}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = readArgs();
  // Launches and campaign transitions are audited; a throwaway database gets a throwaway audit key.
  configureAuditKey(randomBytes(32).toString("hex"));
  out(
    `bench:dispatch — ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}, Node ${process.version}`,
  );
  out(
    `sizes: ${args.sizes.map((s) => `${s.rate}/s × ${s.recipients.toLocaleString("en-US")}`).join(", ")}; faults run: ${args.fault.rate}/s × ${args.fault.recipients.toLocaleString("en-US")}`,
  );
  out(
    `database: ${args.kind === "pglite" ? "PGlite in memory (same process)" : "PostgreSQL (TEST_DATABASE_URL, fresh database)"}; simulator: own process, ${args.latencyMs} ms latency; ` +
      `dispatcher: production defaults (maxInFlight ${args.maxInFlight ? `${args.maxInFlight} — changed by --max-in-flight, the console uses ${DEFAULT_DISPATCH_OPTIONS.maxInFlight}` : DEFAULT_DISPATCH_OPTIONS.maxInFlight}, batchSize ${DEFAULT_DISPATCH_OPTIONS.batchSize}, minTickMs ${DEFAULT_DISPATCH_OPTIONS.minTickMs}), account rate = campaign rate`,
  );
  out(`naive loop time budget: ${args.naiveSeconds} s per rate`);

  const baseConfig: ConnectLocalConfigPatch = { rate: 100_000, burst: 100_000, latencyMs: args.latencyMs, maxActiveChats: 1_000_000 };
  const sim = await startSim(baseConfig);
  const db = await openCountedDb(args.kind);
  out(
    `RSS with the database open and migrated: ${f(process.memoryUsage().rss / MB)} MB${args.kind === "pglite" ? " (the in-memory PGlite is most of it)" : ""}`,
  );
  out();
  try {
    // As the console builds it: one attempt per call (the dispatcher owns retries), 15 s request timeout.
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1, requestTimeoutMs: 15_000 });
    const target: BenchTarget = await benchTarget(gateway);
    const results: { run: DispatchRun; naive?: NaiveRun }[] = [];

    for (const { rate, recipients } of args.sizes) {
      out(`rate ${rate}/s, ${recipients.toLocaleString("en-US")} recipients`);
      await sim.reset();
      const { campaignId } = await launchBenchCampaign(db.quiet, gateway, target, { name: `Bench ${rate}/s`, count: recipients, sendsPerSecond: rate });
      const run = await runDispatcher(db, sim, gateway, `r${rate}`, { campaignId, rate, recipients }, args.maxInFlight);
      // The naive loop sends the same campaign (same requests, same ClientTokens) to a freshly reset simulator.
      await sim.reset();
      const [row] = await db.quiet.select({ config: campaigns.config }).from(campaigns).where(eq(campaigns.id, campaignId));
      const naive = await runNaive(gateway, campaignId, row!.config as CampaignConfig, await ledgerRows(db, campaignId), rate, args.naiveSeconds);
      printDispatchRun(run, naive);
      results.push({ run, naive });
      out();
    }

    // Faults: 5 % InternalServiceException, 2 % ThrottlingException and 2 % lost responses (the contact is created, the
    // answer never arrives: only the ClientToken keeps the retry from starting a second chat) injected, and Connect's
    // own quota at half the configured rate, so real throttling happens too and the account bucket has to adapt.
    const quota = Math.max(1, Math.round(args.fault.rate * 0.5));
    const faults = { InternalServiceException: 0.05, ThrottlingException: 0.02, LostResponse: 0.02 };
    out(
      `faults: ${args.fault.rate}/s × ${args.fault.recipients.toLocaleString("en-US")}, InternalServiceException 5 %, ThrottlingException 2 %, LostResponse 2 % injected, Connect quota ${quota}/s (burst ${quota})`,
    );
    await sim.reset();
    const { campaignId } = await launchBenchCampaign(db.quiet, gateway, target, {
      name: "Bench faults",
      count: args.fault.recipients,
      sendsPerSecond: args.fault.rate,
    });
    await sim.setConfig({ rate: quota, burst: quota, faults });
    const faultRun = await runDispatcher(
      db,
      sim,
      gateway,
      "faults",
      { campaignId, rate: args.fault.rate, recipients: args.fault.recipients },
      args.maxInFlight,
    );
    const counters = await sim.counters();
    printDispatchRun(faultRun);
    out(
      `    Connect answered        ${counters.requests.StartOutboundChatContact ?? 0} calls: injected ${
        Object.entries(counters.faultsInjected)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") || "none"
      }; ` +
        `over-quota ThrottlingException ${(counters.errors.ThrottlingException ?? 0) - (counters.faultsInjected.ThrottlingException ?? 0)}; contacts created ${counters.contactsCreated}, replays ${counters.idempotentReplays}`,
    );
    out(`    achieved ÷ Connect quota ${f(faultRun.steadyRate / quota, 3)} (informational)`);
    const faultOk = faultRun.completed && faultRun.exactlyOnce.ok && faultRun.sent === args.fault.recipients;
    out(`    every recipient sent exactly once: ${faultOk ? "PASS" : "FAIL"}`);
    out();

    out("summary");
    out("  rate/s  recipients  achieved÷configured  total s  stmts/recipient  CPU ms/1k  peak RSS MB  naive ÷ configured  naive total s");
    for (const { run, naive } of results) {
      out(
        `  ${String(run.rate).padStart(6)}  ${run.recipients.toLocaleString("en-US").padStart(10)}  ${`${f(run.steadyRate / run.rate, 3)} ${run.steadyRate / run.rate >= GOAL ? "PASS" : "FAIL"}`.padStart(19)}  ` +
          `${f(run.totalS).padStart(7)}  ${f(run.statementsPerRecipient, 2).padStart(15)}  ${f(run.cpuMsPer1000, 0).padStart(9)}  ${f(run.peakRssMb).padStart(11)}  ` +
          `${naive ? f(naive.achievedRate / naive.rate, 3).padStart(18) : "".padStart(18)}  ${naive ? `${naive.cutShort ? "~" : ""}${f(naive.projectedTotalS, 0)}`.padStart(13) : ""}`,
      );
    }
    out(
      `  faults: ${faultOk ? "PASS" : "FAIL"} exactly once (${faultRun.sent}/${args.fault.recipients} sent, ${faultRun.extraAttempts} extra attempts, ${f(faultRun.totalS)} s)`,
    );
    out(`  process peak RSS over the whole run: ${f((process.resourceUsage().maxRSS * 1024) / MB)} MB`);
  } finally {
    await db.close().catch(() => undefined);
    await sim.child.stop(5_000);
  }
}

main()
  .catch((err: unknown) => {
    console.log(`bench:dispatch could not finish: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  })
  .finally(() => process.exit(0));
