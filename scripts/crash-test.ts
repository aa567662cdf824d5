// `npm run test:crash`: the console is killed with SIGKILL in the middle of a campaign and started again on the same
// data folder; afterwards every valid recipient has exactly one contact in Connect, nobody else has one, and the
// ledger holds exactly those ContactIds. Everything goes through the real console process and its automation API,
// against the local Connect simulator with its own data folder. The last line is the result.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { clientTokenFor } from "@/lib/campaigns/client-token";
import { listLocalContacts } from "@/lib/connect-local/local-listing";
import { startConnectLocal } from "@/lib/connect-local/server";
import type { ConnectLocalServer } from "@/lib/connect-local/options";
import { childEnv, freePort, killAllChildren, sleep, startTsChild, type Child } from "./lib/child-process";

const RECIPIENTS = 2_000;
const SENDS_PER_SECOND = 200;
/** The console is killed once the simulator holds this share of the contacts (the brief: between 20 % and 60 %). */
const KILL_AT = 0.3;
const KILL_BY = 0.6;
/** Rows the killed process had claimed are claimed again only after their lease (60 s by default) runs out. */
const COMPLETE_TIMEOUT_MS = 180_000;
const READY_TIMEOUT_MS = 120_000;
const OVERALL_TIMEOUT_MS = 420_000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[crash ${elapsed().padStart(7)}] ${line}`);

const temp = mkdtempSync(path.join(tmpdir(), "outbound-crash-"));
let sim: ConnectLocalServer | undefined;
let current: Child | undefined;
let finished = false;

function cleanupSync(): void {
  killAllChildren();
  try {
    rmSync(temp, { recursive: true, force: true });
  } catch {
    // Best effort: a folder left in the temp dir is not worth a failed exit.
  }
}
process.on("exit", cleanupSync);

function finish(passed: boolean, why?: string): never {
  if (finished) process.exit(passed ? 0 : 1);
  finished = true;
  if (why) console.log(why);
  cleanupSync();
  console.log(`crash: ${passed ? 1 : 0} passed, ${passed ? 0 : 1} failed`);
  process.exit(passed ? 0 : 1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => finish(false, `[crash] interrupted by ${signal}; children stopped, temp folder removed`));
}
const watchdog = setTimeout(() => {
  if (current) console.log(`--- last console lines ---\n${current.tail(30).join("\n")}`);
  finish(false, `[crash] FAILED: the whole run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------------------------------
// Recipients: 2,000 distinct valid US numbers (+1 206 22x-xxxx), some written differently, plus invalid rows and
// duplicates that must never be contacted.

interface Fixture {
  recipients: { phone: string; name: string }[];
  valid: string[];
  invalid: number;
  duplicates: number;
}

function fixture(): Fixture {
  const valid = Array.from({ length: RECIPIENTS }, (_, i) => `+1206${220 + Math.floor(i / 1000)}${String(1000 + (i % 1000)).padStart(4, "0")}`);
  const written = (e164: string, i: number) => {
    // Every 97th number is written the way people type it; the preflight normalises it to the same E.164. (The API's
    // recipients array has no default country, so the country code stays.)
    if (i % 97 !== 5) return e164;
    return `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
  };
  const recipients = valid.map((e164, i) => ({ phone: written(e164, i), name: `Recipient ${i + 1}` }));
  const invalidRows = ["12345", "not a number", "+1 555 555 0100", "+999 1234567"];
  const duplicateRows = [valid[0]!, `+1 ${valid[10]!.slice(2, 5)} ${valid[10]!.slice(5, 8)} ${valid[10]!.slice(8)}`, valid[1_234]!, valid[1_999]!, valid[500]!];
  // Spread through the list, so the bad rows sit between rows that are sent before and after the crash.
  invalidRows.forEach((phone, k) => recipients.splice(300 + k * 400, 0, { phone, name: `Invalid ${k + 1}` }));
  duplicateRows.forEach((phone, k) => recipients.splice(150 + k * 350, 0, { phone, name: `Duplicate ${k + 1}` }));
  return { recipients, valid, invalid: invalidRows.length, duplicates: duplicateRows.length };
}

// ---------------------------------------------------------------------------------------------------------------------
// The console and its API.

interface ConsoleSetup {
  port: number;
  dataDir: string;
  simUrl: string;
  admin?: { email: string; password: string };
}

async function startConsole(setup: ConsoleSetup, label: string): Promise<Child> {
  const env = childEnv({
    NODE_ENV: "production",
    PORT: String(setup.port),
    HOSTNAME: "127.0.0.1",
    DATA_DIR: setup.dataDir,
    CONNECT_MODE: "local",
    CONNECT_ENDPOINT: setup.simUrl,
    ACCOUNT_SENDS_PER_SECOND: String(SENDS_PER_SECOND),
    CONCURRENT_CHAT_QUOTA: String(RECIPIENTS * 2),
    ...(setup.admin ? { ADMIN_EMAIL: setup.admin.email, ADMIN_PASSWORD: setup.admin.password } : {}),
  });
  const t0 = Date.now();
  const child = startTsChild(`console (${label})`, "scripts/server.ts", { env });
  current = child;
  try {
    await child.waitForLine(/\[console\] ready on /, READY_TIMEOUT_MS);
  } catch (err) {
    console.log(`--- last console lines ---\n${child.tail(30).join("\n")}`);
    throw err;
  }
  // The ready line is printed just before the console installs its SIGTERM handler: answering a request proves it is
  // past that point, so a stop right after this is a clean one.
  await waitFor(
    "the console's health check",
    async () => {
      const res = await fetch(`http://127.0.0.1:${setup.port}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      return res?.ok ? true : undefined;
    },
    30_000,
    200,
  );
  say(`console ${label} ready (pid ${child.pid}, ${((Date.now() - t0) / 1000).toFixed(1)} s to start)`);
  return child;
}

class Api {
  constructor(
    private base: string,
    private key: string,
  ) {}

  async call<T>(method: "GET" | "POST" | "PUT", pathname: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${this.key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${pathname}: HTTP ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }
}

interface CampaignView {
  id: string;
  status: string;
  pauseReason: string | null;
  recipients: Record<string, number>;
}

interface RecipientView {
  id: number;
  phone: string | null;
  sendStatus: string | null;
  contactId: string | null;
  attempts: number;
}

async function simState(simUrl: string): Promise<{ contacts: number; contactsCreated: number; idempotentReplays: number; requests: number }> {
  const res = await fetch(`${simUrl}/_local/state`, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { counters: { contacts: number; contactsCreated: number; idempotentReplays: number; requests: Record<string, number> } };
  return {
    contacts: body.counters.contacts,
    contactsCreated: body.counters.contactsCreated,
    idempotentReplays: body.counters.idempotentReplays,
    requests: body.counters.requests.StartOutboundChatContact ?? 0,
  };
}

type SimContact = { contactId: string; clientToken: string | null; customerAddress: string };
function simContacts(simUrl: string): Promise<SimContact[]> {
  return listLocalContacts<SimContact>(simUrl);
}

/** Waits for `probe` to return a value, checking every `everyMs`, for at most `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------------------------------

async function run(): Promise<string[]> {
  const problems: string[] = [];
  const dataDir = path.join(temp, "console-data");
  const simDir = path.join(temp, "connect-local");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  sim = await startConnectLocal({
    port: 0,
    dataDir: simDir,
    log: false,
    // Fast enough that the console's own rate is what paces the campaign; chats never run out of capacity.
    config: { rate: 500, burst: 500, latencyMs: 20, maxActiveChats: 1_000_000 },
  });
  say(`simulator on ${sim.url} (state in ${simDir}; 500 requests/s, 20 ms latency)`);

  // 1. First start: ADMIN_EMAIL/ADMIN_PASSWORD create the first admin. Then a clean stop.
  const admin = { email: "crash-admin@example.com", password: `Crash-${randomBytes(9).toString("base64url")}` };
  const setup: ConsoleSetup = { port, dataDir, simUrl: sim.url, admin };
  let consoleProc = await startConsole(setup, "#1 (bootstrap admin)");
  if (!consoleProc.tail(400).some((l) => l.includes("created admin crash-admin@example.com")))
    problems.push("the first start did not report creating the admin");
  let stopped = await consoleProc.stop();
  say(`console #1 stopped cleanly (${stopped.signal ?? `exit ${stopped.code}`})`);

  // 2. An API key, made while the console is stopped (create-api-key takes the data-folder lock).
  const keyProc = startTsChild("create-api-key", "scripts/create-api-key.ts", {
    env: childEnv({ DATA_DIR: dataDir, NODE_ENV: "production" }),
    args: ["--name", "Crash test", "--role", "admin", "--json"],
  });
  const keyExit = await Promise.race([keyProc.exited, sleep(90_000).then(() => undefined)]);
  if (!keyExit || keyExit.code !== 0) {
    keyProc.kill();
    throw new Error(`create-api-key failed (${keyExit ? `exit ${keyExit.code}` : "timed out"}):\n${keyProc.tail(20).join("\n")}`);
  }
  const keyLine = keyProc.tail(400).find((l) => l.startsWith("{"));
  const key = keyLine ? (JSON.parse(keyLine) as { key: string; prefix: string }) : undefined;
  if (!key) throw new Error(`create-api-key printed no key:\n${keyProc.tail(20).join("\n")}`);
  say(`API key ${key.prefix}… created by create-api-key (role admin: it also sets the number's throughput)`);

  // 3. Second start; the campaign is created and launched through the automation API.
  delete setup.admin;
  consoleProc = await startConsole(setup, "#2");
  const api = new Api(base, key.key);
  const { instances } = await api.call<{ instances: { id: string; alias: string }[] }>("GET", "/api/v1/instances");
  const instance = instances.find((i) => i.alias === "acme-support");
  if (!instance) throw new Error(`the simulator has no acme-support instance (${instances.map((i) => i.alias).join(", ")})`);
  const { numbers } = await api.call<{ numbers: { arn: string; phoneNumber: string }[] }>("GET", `/api/v1/instances/${instance.id}/numbers`);
  const { flows } = await api.call<{ flows: { id: string; name: string }[] }>("GET", `/api/v1/instances/${instance.id}/flows`);
  const number = numbers.find((n) => n.phoneNumber === "+12065550142");
  const flow = flows.find((f) => f.name === "Outbound SMS notifications");
  if (!number || !flow) throw new Error("the simulator's seed lacks +12065550142 or the Outbound SMS notifications flow");
  // A 10DLC number carries 1 message per second unless the admin says its registration allows more; this test sends
  // at 200 per second, as a number registered for it would.
  await api.call("PUT", "/api/v1/settings/sending-capacity", {
    numbers: [{ arn: number.arn, phoneNumber: number.phoneNumber, messagesPerSecond: 1000 }],
    whatsAppDailyLimit: "250",
  });

  const fx = fixture();
  const created = await api.call<{ campaign: CampaignView; preflight: { counts: Record<string, number>; blocking: string[] } }>("POST", "/api/v1/campaigns", {
    name: `Crash test ${new Date().toISOString()}`,
    instanceId: instance.id,
    channel: "sms",
    sourcePhoneNumberArn: number.arn,
    contactFlowId: flow.id,
    message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}, your order is ready. Reply STOP to opt out." },
    recipients: fx.recipients,
    sendsPerSecond: SENDS_PER_SECOND,
    chatDurationMinutes: 60,
  });
  const campaignId = created.campaign.id;
  const counts = created.preflight.counts;
  say(
    `campaign ${campaignId} created: ${fx.recipients.length} rows → valid ${counts.valid}, invalid ${counts.invalid}, duplicate ${counts.duplicate}, suppressed ${counts.suppressed}`,
  );
  if (counts.valid !== RECIPIENTS || counts.invalid !== fx.invalid || counts.duplicate !== fx.duplicates) {
    throw new Error(`preflight counted ${JSON.stringify(counts)}, expected valid ${RECIPIENTS}, invalid ${fx.invalid}, duplicate ${fx.duplicates}`);
  }
  if (created.preflight.blocking.length > 0) throw new Error(`launch is blocked: ${created.preflight.blocking.join("; ")}`);
  const launched = await api.call<{ campaign: CampaignView }>("POST", `/api/v1/campaigns/${campaignId}/launch`, { confirmRecipients: counts.valid });
  say(`launched (status ${launched.campaign.status}) at ${SENDS_PER_SECOND} sends/s`);

  // 4. SIGKILL once the simulator holds 20–60 % of the contacts.
  const atKill = await waitFor(
    `${Math.round(KILL_AT * 100)}% of the contacts`,
    async () => {
      const s = await simState(sim!.url);
      return s.contacts >= RECIPIENTS * KILL_AT ? s : undefined;
    },
    90_000,
    25,
  );
  consoleProc.kill();
  stopped = await consoleProc.exited;
  const afterKill = await simState(sim.url);
  const share = afterKill.contacts / RECIPIENTS;
  say(
    `console #2 killed with SIGKILL (${stopped.signal ?? `exit ${stopped.code}`}) at ${atKill.contacts} contacts; ` +
      `${afterKill.contacts} (${(share * 100).toFixed(1)}%) once the sends in flight landed`,
  );
  if (share < 0.2 || share > KILL_BY) problems.push(`the kill landed at ${(share * 100).toFixed(1)}% of the contacts, outside 20–60%`);

  // 5. Restart on the same data folder; the campaign must finish by itself.
  consoleProc = await startConsole(setup, "#3 (after the crash)");
  const restartedAt = Date.now();
  let lastReport = 0;
  const final = await waitFor(
    "the campaign to complete",
    async () => {
      const { campaign } = await api.call<{ campaign: CampaignView }>("GET", `/api/v1/campaigns/${campaignId}`);
      if (campaign.status === "completed") return campaign;
      if (campaign.status !== "running" && campaign.status !== "scheduled")
        throw new Error(`the campaign is ${campaign.status}${campaign.pauseReason ? `: ${campaign.pauseReason}` : ""}`);
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        const r = campaign.recipients;
        say(`  ${campaign.status}: sent ${r.sent}, sending ${r.sending}, pending ${r.pending}, failed ${r.failed}`);
      }
      return undefined;
    },
    COMPLETE_TIMEOUT_MS,
    500,
  );
  say(`campaign completed ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart: ${JSON.stringify(final.recipients)}`);
  for (const [status, expected] of Object.entries({
    sent: RECIPIENTS,
    failed: 0,
    skipped: 0,
    pending: 0,
    sending: 0,
    invalid: fx.invalid,
    duplicate: fx.duplicates,
  })) {
    if (final.recipients[status] !== expected) problems.push(`the campaign reports ${status} ${final.recipients[status]}, expected ${expected}`);
  }

  // 6. Connect's side: exactly one contact per valid recipient, under its ClientToken, and nobody else.
  const contacts = await simContacts(sim.url);
  const byAddress = new Map<string, { contactId: string; clientToken: string | null }[]>();
  for (const c of contacts) byAddress.set(c.customerAddress, [...(byAddress.get(c.customerAddress) ?? []), c]);
  const validSet = new Set(fx.valid);
  let missing = 0;
  let doubled = 0;
  for (const e164 of fx.valid) {
    const found = byAddress.get(e164) ?? [];
    if (found.length === 0) missing += 1;
    else if (found.length > 1) doubled += 1;
    else if (found[0]!.clientToken !== clientTokenFor(campaignId, e164)) problems.push(`${e164}: contact under another ClientToken`);
  }
  const strangers = contacts.filter((c) => !validSet.has(c.customerAddress));
  if (missing > 0) problems.push(`${missing} valid recipients have no contact`);
  if (doubled > 0) problems.push(`${doubled} valid recipients have more than one contact`);
  if (strangers.length > 0) problems.push(`${strangers.length} contacts went to numbers outside the valid list (e.g. ${strangers[0]!.customerAddress})`);
  say(
    `simulator: ${contacts.length} contacts for ${validSet.size} valid recipients; missing ${missing}, more than one ${doubled}, strangers ${strangers.length}`,
  );

  // 7. The ledger, page by page, holds exactly those ContactIds.
  const ledger = new Map<string, RecipientView>();
  let cursor: number | null = null;
  let pages = 0;
  do {
    const query: string = `status=sent&limit=500${cursor ? `&cursor=${cursor}` : ""}`;
    const page: { recipients: RecipientView[]; nextCursor: number | null } = await api.call("GET", `/api/v1/campaigns/${campaignId}/recipients?${query}`);
    pages += 1;
    for (const r of page.recipients) {
      if (!r.phone) problems.push(`ledger row ${r.id} is sent but has no number`);
      else if (ledger.has(r.phone)) problems.push(`${r.phone} appears twice in the ledger`);
      else ledger.set(r.phone, r);
    }
    cursor = page.nextCursor;
  } while (cursor !== null && pages < 100);
  let mismatched = 0;
  for (const e164 of fx.valid) {
    const row = ledger.get(e164);
    const contact = byAddress.get(e164);
    if (!row || !contact || contact.length !== 1 || row.contactId !== contact[0]!.contactId) mismatched += 1;
  }
  const extra = [...ledger.keys()].filter((p) => !validSet.has(p));
  if (mismatched > 0) problems.push(`${mismatched} valid recipients have no sent ledger row holding their contact's ContactId`);
  if (extra.length > 0) problems.push(`${extra.length} sent ledger rows are for numbers outside the valid list`);
  const retried = [...ledger.values()].filter((r) => r.attempts > 1).length;
  say(`ledger: ${ledger.size} sent rows over ${pages} pages; ContactIds that differ from Connect's: ${mismatched}; rows sent on a second attempt: ${retried}`);

  const s = await simState(sim.url);
  say(
    `simulator counters: ${s.requests} StartOutboundChatContact calls, ${s.contactsCreated} contacts created, ${s.idempotentReplays} answered from an earlier ClientToken`,
  );

  // 8. A clean stop of the restarted console.
  stopped = await consoleProc.stop();
  if (stopped.code !== 0) problems.push(`the restarted console did not stop cleanly (${stopped.signal ?? `exit ${stopped.code}`})`);
  say(`console #3 stopped (${stopped.signal ?? `exit ${stopped.code}`})`);
  current = undefined;
  return problems;
}

run()
  .then(async (problems) => {
    await sim?.close().catch(() => undefined);
    say(`done in ${elapsed()}`);
    if (problems.length > 0) finish(false, `[crash] FAILED:\n  - ${problems.join("\n  - ")}`);
    finish(true, "[crash] PASSED: every valid recipient was contacted exactly once across the crash, and the ledger agrees");
  })
  .catch(async (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    if (current?.running) console.log(`--- last console lines ---\n${current.tail(30).join("\n")}`);
    await sim?.close().catch(() => undefined);
    finish(false, `[crash] FAILED: ${message}`);
  });
