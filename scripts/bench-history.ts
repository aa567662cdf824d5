// History benchmark: a 100,000-recipient campaign (beside a 50,000-recipient one, so every query must pick its
// campaign out of a shared table), a contact for every send and others up to 150,000 (about 100,000 open), 20,000
// chat events across 5,000 customers; then the median time of each History, Contacts, campaign activity and Chat
// events query against the 200 ms target, the CSV exports' throughput and one reconciliation claim. In-memory PGlite
// always; PostgreSQL too with --postgres when TEST_DATABASE_URL is set.
// Always exits 0: timings vary with the machine, so they are reported here and never asserted in tests.
import "./allow-server-modules";
import { sql } from "drizzle-orm";
import { recipientHistoryCsv } from "@/lib/campaigns/history-export";
import { listCampaignHistory, listRecipientHistory, type RecipientListQuery } from "@/lib/campaigns/history-queries";
import type { DatabaseHandle, Db } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { csvThroughput, heading, line, median, RUNS, TARGET_MS } from "./lib/bench-timing";
import { benchCampaignActivity, benchChatEvents } from "./lib/history-bench-activity";
import { benchContacts } from "./lib/history-bench-contacts";
import { random, seedCampaign } from "./lib/history-seed-campaign";
import { seedAudit, seedChatEvents, seedContacts } from "./lib/history-seed-contacts";

const RECIPIENTS = 100_000;
const NEIGHBOUR = 50_000;
const CONTACTS = 150_000;
const CUSTOMERS = 5_000;
const AUDIT_NOISE = 50_000;
const DAY = 86_400_000;

async function benchRecipientHistory(db: Db, id: string): Promise<void> {
  heading("Recipient history (the 100,000-recipient campaign)");
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
  await csvThroughput("Recipients CSV export", recipientHistoryCsv(db, id, { sort: "line", dir: "asc" }));
}

/** A campaign contact with chat events and forwarded replies, so every part of its events page has rows. */
async function contactWithEvents(db: Db): Promise<string> {
  const found = (await db.execute(sql`select contact_id as id from chat_events where contact_id is not null order by id limit 1 offset 1000`)) as unknown as {
    rows: { id: string }[];
  };
  return found.rows[0]!.id;
}

async function run(kind: string, open: () => Promise<DatabaseHandle>): Promise<void> {
  console.log(`\n${kind}`);
  const h = await open();
  try {
    const db = h.db;
    const t0 = performance.now();
    const rand = random(20_260_301);
    // Sent within the last week, so their chats are still ones reconciliation and the open-chat count look at.
    const neighbour = await seedCampaign(db, "Neighbour campaign", NEIGHBOUR, Date.now() - 3 * DAY, rand);
    const id = await seedCampaign(db, "Spring reminders (bench)", RECIPIENTS, Date.now() - DAY, rand);
    await seedContacts(db, CONTACTS);
    await seedChatEvents(db, id, CUSTOMERS);
    await seedAudit(db, [neighbour, id], AUDIT_NOISE);
    await db.execute(sql`analyze`);
    console.log(
      `  seeded ${(RECIPIENTS + NEIGHBOUR).toLocaleString("en-US")} recipients and their contacts, chat events and audit log in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const someone = await contactWithEvents(db);
    await benchRecipientHistory(db, id);
    await benchCampaignActivity(db, id);
    await benchChatEvents(db, someone);
    await benchContacts(db, id, neighbour, someone);
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
