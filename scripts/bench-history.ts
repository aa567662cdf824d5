// History benchmark: a 100,000-recipient campaign (beside a 50,000-recipient one, so every query must pick its
// campaign out of a shared table), then the median time of each History query against the 200 ms target, and the CSV
// export's throughput. In-memory PGlite always; PostgreSQL too with --postgres when TEST_DATABASE_URL is set.
// Always exits 0: timings vary with the machine, so they are reported here and never asserted in tests.
import "./allow-server-modules";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { recipientHistoryCsv } from "@/lib/campaigns/history-export";
import { listCampaignHistory, listRecipientHistory, type RecipientListQuery } from "@/lib/campaigns/history-queries";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle, Db } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const RECIPIENTS = 100_000;
const NEIGHBOUR = 50_000;
const TARGET_MS = 200;
const RUNS = 7;
const BATCH = 1000;
const ERRORS = ["InvalidRequestException", "InternalServiceException", "TimeoutError"];

// A fixed seed, so every run measures the same ledger.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedCampaign(db: Db, name: string, count: number, rand: () => number): Promise<string> {
  const id = randomUUID();
  const started = Date.parse("2026-03-02T09:00:00Z");
  await db.insert(campaigns).values({
    id,
    name,
    status: "completed",
    channel: "sms",
    instanceId: "bench-instance",
    contactFlowId: "bench-flow",
    sourcePhoneNumberArn: "arn:aws:connect:us-east-1:000000000000:phone-number/bench",
    config: { sendsPerSecond: 50 },
    preflight: { counts: { valid: count }, blocking: [], warnings: [] },
    createdBy: randomUUID(),
    createdByEmail: "bench@example.com",
    launchedAt: new Date(started),
    finishedAt: new Date(started + (count / 50) * 1000),
  });
  let batch: (typeof campaignRecipients.$inferInsert)[] = [];
  for (let line = 2; line < count + 2; line++) {
    const e164 = `+1${200 + Math.floor(rand() * 700)}${String(Math.floor(rand() * 1e7)).padStart(7, "0")}`;
    const roll = rand();
    const base = { campaignId: id, line, phoneRaw: `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`, name: `Person ${line}`, attempts: 1 };
    if (roll < 0.02) batch.push({ ...base, phone: null, preflightStatus: "invalid", reason: "too short for US", attempts: 0 });
    else if (roll < 0.87) batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "sent", contactId: randomUUID(), sentAt: new Date(started + line * 20) });
    else if (roll < 0.95) {
      const error = ERRORS[Math.floor(rand() * ERRORS.length)]!;
      batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "failed", attempts: 5, lastErrorName: error, lastErrorMessage: `${error} for this recipient` });
    } else if (roll < 0.98) batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "skipped", reason: "cancelled", attempts: 0 });
    else batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "pending", attempts: 0 });
    if (batch.length === BATCH) {
      await db.insert(campaignRecipients).values(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await db.insert(campaignRecipients).values(batch);
  return id;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const line = (label: string, ms: number) => console.log(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${ms < TARGET_MS ? "PASS" : "FAIL"}`);

async function run(kind: string, open: () => Promise<DatabaseHandle>): Promise<void> {
  console.log(`\n${kind}`);
  const h = await open();
  try {
    const db = h.db;
    const t0 = performance.now();
    const rand = random(20_260_301);
    await seedCampaign(db, "Neighbour campaign", NEIGHBOUR, rand);
    const id = await seedCampaign(db, "Spring reminders (bench)", RECIPIENTS, rand);
    await db.execute(sql`analyze`);
    console.log(`  seeded ${(RECIPIENTS + NEIGHBOUR).toLocaleString("en-US")} recipients in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const q = (f: Partial<RecipientListQuery>) => listRecipientHistory(db, id, { sort: "line", dir: "asc", limit: 50, ...f });
    line("first page (50, by line)", await median(() => q({})));

    // Follow the cursors most of the way down, as "Load more" would, then time the page found there.
    let cursor: string | null | undefined;
    let seen = 0;
    const tDeep = performance.now();
    let pages = 0;
    while (seen < 90_000) {
      const page = await q({ cursor: cursor ?? undefined, limit: 200 });
      seen += page.rows.length;
      pages += 1;
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    console.log(`  (followed ${pages} cursors to row ${seen.toLocaleString("en-US")} in ${((performance.now() - tDeep) / 1000).toFixed(1)} s)`);
    line(`deep page (50, after row ${seen.toLocaleString("en-US")})`, await median(() => q({ cursor: cursor! })));
    line("filtered page (failed + InvalidRequestException)", await median(() => q({ status: "failed", error: "InvalidRequestException" })));
    const failedDeep = await q({ status: "failed", error: "InvalidRequestException", limit: 1000 });
    line("filtered page, after 1,000 matches", await median(() => q({ status: "failed", error: "InvalidRequestException", cursor: failedDeep.nextCursor! })));
    line("error name alone (TimeoutError)", await median(() => q({ error: "TimeoutError" })));
    line("status alone (pending)", await median(() => q({ status: "pending" })));
    line('number search, rare ("5550123")', await median(() => q({ q: "5550123" })));
    line('number search, E.164 prefix ("+1206")', await median(() => q({ q: "+1206" })));
    line("sorted by sent at, newest first", await median(() => q({ sort: "sent", dir: "desc" })));
    const sentDeep = await q({ sort: "sent", dir: "desc", limit: 200 });
    line("sorted by sent at, next page", await median(() => q({ sort: "sent", dir: "desc", cursor: sentDeep.nextCursor! })));
    // The first load counts every campaign's ledger; finished campaigns' counts are then kept in memory.
    const listPage = () => listCampaignHistory(db, { sort: "created", dir: "desc", limit: 50 });
    const tList = performance.now();
    await listPage();
    line("campaign list, first page, counting 150,000 rows (once)", performance.now() - tList);
    line("campaign list, first page, finished counts kept", await median(listPage));

    const tCsv = performance.now();
    let bytes = 0;
    let rows = -1;
    const reader = recipientHistoryCsv(db, id, { sort: "line", dir: "asc" }).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      rows += 1;
    }
    const csvMs = performance.now() - tCsv;
    console.log(`  CSV export: ${rows.toLocaleString("en-US")} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${(csvMs / 1000).toFixed(2)} s = ${Math.round(rows / (csvMs / 1000)).toLocaleString("en-US")} rows/s`);
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  console.log(`History benchmark: ${RECIPIENTS.toLocaleString("en-US")}-recipient campaign, median of ${RUNS} runs, target ${TARGET_MS} ms per page`);
  process.env.TEST_DB_KIND = "pglite";
  await run("PGlite (in memory)", createTestDb);
  if (process.argv.includes("--postgres")) {
    if (!process.env.TEST_DATABASE_URL) console.log("\nPostgreSQL: skipped, TEST_DATABASE_URL is not set");
    else {
      process.env.TEST_DB_KIND = "postgres";
      await run(`PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host}, a throwaway database)`, createTestDb);
    }
  }
}

main()
  .catch((err: unknown) => console.error(`bench-history failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`))
  .finally(() => process.exit(0));
