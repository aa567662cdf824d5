// `npm run bench:chat-stream`: does the console keep up with Connect's chat stream, and does reading it leave sends
// alone? The running console (production build, automation API) sends a campaign through the local Connect, which
// streams every chat to SNS → SQS as real Connect does once the console has started streaming for each contact. Then,
// as End User Messaging would on real AWS, the benchmark calls SendChatIntegrationEvent for those chats at a fixed
// rate (delivered, read, typing, the customer's message, over and over), while a second campaign sends. It prints:
// - items per second the console stored, against the rate offered, and the queue's largest backlog;
// - lag from Connect's time on each item to the console having it (what the contact page's transcript shows), p50 and
//   p99, for receipts and events apart from customer messages (those wait out the reply grace period, see README);
// - the second campaign's send rate against the rate it asked for.
// Targets: ≥ 200 items/s stored, the backlog drains, the campaign sends at its rate. Exits 0 unless the run broke.
//
//   npm run bench:chat-stream -- [--rate 250] [--seconds 30] [--chats 400] [--pglite-only | --postgres-only] [--no-build] [--dev]
import "./allow-server-modules";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { offerLoad, type LoadResult } from "./lib/chat-stream-bench-load";
import { childEnv, killAllChildren, sleep, startTsChild, type Child } from "./lib/child-process";
import { DATABASE_OPTIONS, benchDatabases } from "./lib/bench-databases";
import { BenchApi, BenchError } from "./lib/recipients-bench-api";
import { createBenchDatabase, ensureBuild, startBenchConsole } from "./lib/recipients-bench-console";

const started = Date.now();
const say = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const NUMBER = "+12065550142";
const FLOW = "Outbound SMS notifications";
// The seed's End User Messaging ARN for NUMBER: what End User Messaging names as DestinationId.
const NUMBER_EUM_ARN = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-891928fcb966271bb2447b26eed79036";
const SENDS_PER_SECOND = 20;

function readArgs() {
  const usage = "Usage: npm run bench:chat-stream -- [--rate 250] [--seconds 30] [--chats 400] [--pglite-only | --postgres-only] [--no-build] [--dev]";
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        rate: { type: "string", default: "250" },
        seconds: { type: "string", default: "30" },
        chats: { type: "string", default: "400" },
        ...DATABASE_OPTIONS,
        "no-build": { type: "boolean", default: false },
        dev: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new BenchError(`${(err as Error).message}\n${usage}`);
  }
  const whole = (name: string, text: string, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new BenchError(`--${name}: "${text}" is not a whole number from 1 to ${max}\n${usage}`);
    return n;
  };
  const { databases, pgUrl } = benchDatabases(values);
  return {
    rate: whole("rate", values.rate, 5000),
    seconds: whole("seconds", values.seconds, 3600),
    chats: whole("chats", values.chats, 4000),
    databases,
    pgUrl,
    noBuild: values["no-build"],
    dev: values.dev,
  };
}

const temp = mkdtempSync(path.join(os.tmpdir(), "outbound-bench-chat-stream-"));
process.on("exit", () => {
  killAllChildren();
  rmSync(temp, { recursive: true, force: true });
});

async function startSim(chats: number): Promise<{ url: string; child: Child }> {
  const config = { maxActiveChats: chats * 4, rate: 200, burst: 200, latencyMs: 5 };
  const child = startTsChild("simulator", "scripts/lib/sim-server.ts", { env: childEnv({ SIM_CONFIG: JSON.stringify(config) }) });
  const line = await child.waitForLine(/^sim listening /, 60_000);
  return { url: line.replace(/^sim listening /, "").trim(), child };
}

interface Target {
  instanceId: string;
  numberArn: string;
  flowId: string;
}

async function findTarget(api: BenchApi): Promise<Target> {
  const get = <T>(pathname: string) => api.call<T>({ method: "GET", pathname, expect: 200, timeoutMs: 60_000 });
  const { instances } = await get<{ instances: { id: string; alias: string }[] }>("/api/v1/instances");
  const instance = instances.find((i) => i.alias === "acme-support") ?? fail("an acme-support instance");
  const { numbers } = await get<{ numbers: { arn: string; phoneNumber: string }[] }>(`/api/v1/instances/${instance.id}/numbers`);
  const { flows } = await get<{ flows: { id: string; name: string }[] }>(`/api/v1/instances/${instance.id}/flows`);
  const numberArn = numbers.find((n) => n.phoneNumber === NUMBER)?.arn ?? fail(`the number ${NUMBER}`);
  const flowId = flows.find((f) => f.name === FLOW)?.id ?? fail(`the flow "${FLOW}"`);
  // A 10DLC number sends 1 message a second by default; an admin raises it as one would for a number registered for more.
  await api.call({
    method: "PUT",
    pathname: "/api/v1/settings/sending-capacity",
    json: { numbers: [{ arn: numberArn, phoneNumber: NUMBER, messagesPerSecond: 1000 }], whatsAppDailyLimit: "unlimited" },
    expect: 200,
    timeoutMs: 60_000,
  });
  return { instanceId: instance.id, numberArn, flowId };
}

function fail(what: string): never {
  throw new BenchError(`the simulator's seed lacks ${what}`);
}

let nextPhone = 0;
const phones = (n: number) =>
  Array.from({ length: n }, () => nextPhone++).map((k) => `+1206${200 + Math.floor(k / 10_000)}${String(k % 10_000).padStart(4, "0")}`);

async function launch(api: BenchApi, target: Target, name: string, recipients: string[], sendsPerSecond: number): Promise<string> {
  const created = await api.call<{ campaign: { id: string }; preflight: { counts: { valid: number } } }>({
    method: "POST",
    pathname: "/api/v1/campaigns",
    json: {
      name,
      instanceId: target.instanceId,
      channel: "sms",
      sourcePhoneNumberArn: target.numberArn,
      contactFlowId: target.flowId,
      message: { kind: "text", contentType: "text/plain", text: "Your appointment is tomorrow at 10:00. Reply to change it." },
      recipients: recipients.map((phone) => ({ phone })),
      sendsPerSecond,
    },
    expect: 201,
    timeoutMs: 120_000,
  });
  if (created.preflight.counts.valid !== recipients.length)
    throw new BenchError(`the check found ${created.preflight.counts.valid} valid recipients of ${recipients.length}`);
  const id = created.campaign.id;
  await api.call({
    method: "POST",
    pathname: `/api/v1/campaigns/${id}/launch`,
    json: { confirmRecipients: recipients.length },
    expect: 200,
    timeoutMs: 120_000,
  });
  return id;
}

interface SentRow {
  phone: string | null;
  contactId: string | null;
  sentAt: string | null;
}

async function sentRows(api: BenchApi, id: string): Promise<SentRow[]> {
  const rows: SentRow[] = [];
  let cursor: number | null = null;
  do {
    const pathname: string = `/api/v1/campaigns/${id}/recipients?status=sent&limit=1000${cursor ? `&cursor=${cursor}` : ""}`;
    const page: { recipients: SentRow[]; nextCursor: number | null } = await api.call({ method: "GET", pathname, expect: 200, timeoutMs: 60_000 });
    rows.push(...page.recipients);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

async function waitSent(api: BenchApi, id: string, count: number, timeoutMs: number): Promise<SentRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { campaign } = await api.call<{ campaign: { recipients: { pending: number; sending: number; failed: number; skipped: number } } }>({
      method: "GET",
      pathname: `/api/v1/campaigns/${id}`,
      expect: 200,
      timeoutMs: 60_000,
    });
    const r = campaign.recipients;
    if (r.pending + r.sending === 0) {
      if (r.failed + r.skipped > 0) throw new BenchError(`campaign ${id}: ${r.failed} failed and ${r.skipped} skipped of ${count}`);
      return sentRows(api, id);
    }
    if (Date.now() > until) throw new BenchError(`campaign ${id} still has ${r.pending + r.sending} rows to send after ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

interface StreamingView {
  queues: { name: string; visible: number; inFlight: number }[];
  streams: { contactId: string }[];
}

const streamingView = async (simUrl: string) => (await (await fetch(`${simUrl}/_local/streaming`)).json()) as StreamingView;
const backlogOf = (view: StreamingView) => view.queues.filter((q) => q.name === "chat-stream").reduce((n, q) => n + q.visible + q.inFlight, 0);

/** The console starts streaming each contact in the background: the load waits until every chat streams. */
async function waitStreaming(simUrl: string, contactIds: string[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const streaming = new Set((await streamingView(simUrl)).streams.map((s) => s.contactId));
    const missing = contactIds.filter((id) => !streaming.has(id)).length;
    if (missing === 0) return;
    if (Date.now() > until) throw new BenchError(`${missing} of ${contactIds.length} chats were still not streaming after ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

interface TranscriptEntry {
  source: string;
  kind: string;
  role: string | null;
  at: string;
  receivedAt: string | null;
}

async function transcript(api: BenchApi, contactId: string): Promise<TranscriptEntry[]> {
  const entries: TranscriptEntry[] = [];
  let cursor: string | null = null;
  do {
    const pathname: string = `/api/v1/contacts/${contactId}/transcript?typing=include${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: { entries: TranscriptEntry[]; nextCursor: string | null } = await api.call({ method: "GET", pathname, expect: 200, timeoutMs: 60_000 });
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Run {
  database: string;
  load: LoadResult;
  stored: number;
  storedPerSecond: number;
  maxBacklog: number;
  drainSeconds: number;
  lag: { events: number[]; messages: number[] };
  sends: { planned: number; achieved: number; count: number };
}

async function runOne(args: ReturnType<typeof readArgs>, database: "PGlite" | "PostgreSQL"): Promise<Run> {
  say(`── ${database}`);
  const sim = await startSim(args.chats);
  const simUrl = sim.url;
  const pg = database === "PostgreSQL" ? await createBenchDatabase(args.pgUrl!) : undefined;
  const running = await startBenchConsole(
    {
      dataDir: path.join(temp, database),
      simUrl,
      databaseUrl: pg?.url,
      dev: args.dev,
      keyRole: "admin",
      env: { ACCOUNT_SENDS_PER_SECOND: "100", CONCURRENT_CHAT_QUOTA: String(args.chats * 4) },
    },
    say,
  );
  try {
    const api = new BenchApi(running.base, running.key);
    const target = await findTarget(api);

    say(`a campaign of ${args.chats} opens the chats the customers answer in`);
    const first = await launch(api, target, "Chat stream bench: chats", phones(args.chats), 100);
    const chats = await waitSent(api, first, args.chats, 5 * 60_000);
    await waitStreaming(
      simUrl,
      chats.map((r) => r.contactId!),
      3 * 60_000,
    );
    say(`${chats.length} chats open and streaming`);

    const sendCount = SENDS_PER_SECOND * args.seconds;
    const second = await launch(api, target, "Chat stream bench: sends during the stream", phones(sendCount), SENDS_PER_SECOND);
    say(`offering ${args.rate} items/s for ${args.seconds} s while a campaign of ${sendCount} sends at ${SENDS_PER_SECOND}/s`);
    let maxBacklog = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        maxBacklog = Math.max(maxBacklog, backlogOf(await streamingView(simUrl)));
        await sleep(250);
      }
    })();
    const load = await offerLoad({
      simUrl,
      destinationArn: NUMBER_EUM_ARN,
      chats: chats.map((r) => ({ customerPhone: r.phone! })),
      perSecond: args.rate,
      seconds: args.seconds,
    });
    if (load.failed > 0) say(`  ${load.failed} SendChatIntegrationEvent calls failed, first: ${load.firstError}`);
    for (;;) {
      if (backlogOf(await streamingView(simUrl)) === 0) break;
      if (Date.now() - load.endedAt > 5 * 60_000) throw new BenchError("the queue was still not empty 5 minutes after the load ended");
      await sleep(250);
    }
    const drainSeconds = (Date.now() - load.endedAt) / 1000;
    watching = false;
    await watcher;

    const lag = { events: [] as number[], messages: [] as number[] };
    let stored = 0;
    let storedInWindow = 0;
    for (const chat of chats) {
      for (const e of await transcript(api, chat.contactId!)) {
        if (e.source !== "stream" || !e.receivedAt) continue;
        const received = Date.parse(e.receivedAt);
        const at = Date.parse(e.at);
        if (at < load.startedAt) continue;
        stored += 1;
        if (received <= load.endedAt) storedInWindow += 1;
        (e.role === "CUSTOMER" && e.kind === "message" ? lag.messages : lag.events).push(received - at);
      }
    }
    lag.events.sort((a, b) => a - b);
    lag.messages.sort((a, b) => a - b);
    const sent = (await waitSent(api, second, sendCount, 5 * 60_000)).map((r) => Date.parse(r.sentAt!)).sort((a, b) => a - b);
    const achieved = (sent.length - 1) / ((sent.at(-1)! - sent[0]!) / 1000);
    return {
      database,
      load,
      stored,
      storedPerSecond: storedInWindow / ((load.endedAt - load.startedAt) / 1000),
      maxBacklog,
      drainSeconds,
      lag,
      sends: { planned: SENDS_PER_SECOND, achieved, count: sent.length },
    };
  } finally {
    await running.child.stop();
    await sim.child.stop();
    await pg?.drop();
  }
}

function print(args: ReturnType<typeof readArgs>, runs: Run[]): void {
  console.log("");
  console.log(
    `Chat stream: ${args.rate} items/s offered for ${args.seconds} s to ${args.chats} streamed chats (SendChatIntegrationEvent → local Connect → SNS → SQS → console)`,
  );
  for (const r of runs) {
    const offered = r.load.sent / ((r.load.endedAt - r.load.startedAt) / 1000);
    console.log(`${r.database}`);
    console.log(`  offered            ${r.load.sent} items, ${offered.toFixed(0)}/s (${r.load.late} late, ${r.load.failed} failed)`);
    console.log(
      `  stored             ${r.stored} items; during the load ${r.storedPerSecond.toFixed(0)}/s  ${r.storedPerSecond >= 200 ? "met (≥ 200/s)" : "NOT met (≥ 200/s)"}`,
    );
    console.log(`  queue backlog      at most ${r.maxBacklog}; empty ${r.drainSeconds.toFixed(1)} s after the load ended`);
    console.log(
      `  lag, receipts and events   p50 ${seconds(percentile(r.lag.events, 50))}  p99 ${seconds(percentile(r.lag.events, 99))}  (${r.lag.events.length} items)`,
    );
    console.log(
      `  lag, customer messages     p50 ${seconds(percentile(r.lag.messages, 50))}  p99 ${seconds(percentile(r.lag.messages, 99))}  (${r.lag.messages.length} items)`,
    );
    const kept = r.sends.achieved >= r.sends.planned * 0.95;
    console.log(
      `  sends meanwhile    ${r.sends.count} at ${r.sends.achieved.toFixed(1)}/s of ${r.sends.planned}/s asked  ${kept ? "met (not delayed)" : "NOT met (delayed)"}`,
    );
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  if (!args.dev) ensureBuild(args.noBuild, say);
  const runs: Run[] = [];
  for (const database of args.databases) runs.push(await runOne(args, database));
  print(args, runs);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof BenchError ? `bench:chat-stream: ${err.message}` : err);
    process.exit(1);
  },
);
