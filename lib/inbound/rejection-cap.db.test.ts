// The rejection cap and retention over a real database: a burst keeps at most the cap plus one summary row per
// integration and minute, the summary counts the rest, and rows past the retention period are deleted.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { inboundRejections } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { recordRejection } from "./queries";
import { REJECTIONS_PER_MINUTE, summaryReason } from "./rejection-cap";

const HOUR = 60 * 60_000;

describe("recording inbound rejections", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  const rowsOf = (integrationId: string) =>
    h.db.select().from(inboundRejections).where(eq(inboundRejections.integrationId, integrationId)).orderBy(asc(inboundRejections.id));
  const reject = (integrationId: string, i: number, nowMs?: number) =>
    recordRejection(h.db, { integrationId, reason: `signature mismatch #${i}`, ip: "203.0.113.9", body: `{"n":${i}}` }, nowMs);
  // Moves an integration's rows back in time, as if the minute had passed.
  const age = (integrationId: string, interval: string) =>
    h.db
      .update(inboundRejections)
      .set({ receivedAt: sql`${inboundRejections.receivedAt} - ${interval}::interval` })
      .where(eq(inboundRejections.integrationId, integrationId));

  it("keeps the first rejections of a burst one by one and counts the rest on one summary row", async () => {
    const hostile = randomUUID();
    const quiet = randomUUID();
    await Promise.all(Array.from({ length: 100 }, (_, i) => reject(hostile, i)));
    await reject(quiet, 0);

    const rows = await rowsOf(hostile);
    expect(rows).toHaveLength(REJECTIONS_PER_MINUTE + 1);
    const summaries = rows.filter((r) => r.reason.includes("suppressed"));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.reason).toMatch(
      /^40 more rejections suppressed in the last minute \(over 60 a minute are counted, not kept one by one\); latest: signature mismatch #\d+$/,
    );
    expect(summaries[0]).toMatchObject({ ip: "203.0.113.9", bodyExcerpt: null });
    expect(rows.filter((r) => !r.reason.includes("suppressed")).every((r) => r.bodyExcerpt?.startsWith('{"n":'))).toBe(true);
    // The cap is per integration.
    expect((await rowsOf(quiet)).map((r) => r.reason)).toEqual(["signature mismatch #0"]);
  });

  it("starts afresh once the minute has passed: new rows, and at most one new summary", async () => {
    const sender = randomUUID();
    for (let i = 0; i < REJECTIONS_PER_MINUTE + 2; i++) await reject(sender, i);
    expect((await rowsOf(sender)).at(-1)!.reason).toBe(summaryReason(2, `signature mismatch #${REJECTIONS_PER_MINUTE + 1}`));

    await age(sender, "61 seconds");
    for (let i = 100; i < 100 + REJECTIONS_PER_MINUTE + 1; i++) await reject(sender, i);
    const rows = await rowsOf(sender);
    expect(rows).toHaveLength(2 * (REJECTIONS_PER_MINUTE + 1));
    expect(rows.filter((r) => r.reason.includes("suppressed")).map((r) => r.reason)).toEqual([
      summaryReason(2, `signature mismatch #${REJECTIONS_PER_MINUTE + 1}`),
      summaryReason(1, `signature mismatch #${100 + REJECTIONS_PER_MINUTE}`),
    ]);
  });

  it("deletes rejections older than 30 days when recording, at most once an hour", async () => {
    const sender = randomUUID();
    const insertAged = async (reason: string, days: number) => {
      await h.db.insert(inboundRejections).values({ integrationId: sender, reason, receivedAt: sql`now() - ${`${days} days`}::interval` });
    };
    await insertAged("from 31 days ago", 31);
    await insertAged("from 29 days ago", 29);
    const now = Date.now() + 24 * HOUR; // later than any prune this process made before
    await reject(sender, 1, now);
    expect((await rowsOf(sender)).map((r) => r.reason)).toEqual(["from 29 days ago", "signature mismatch #1"]);

    await insertAged("from 40 days ago", 40);
    await reject(sender, 2, now + 59 * 60_000);
    expect((await rowsOf(sender)).map((r) => r.reason)).toContain("from 40 days ago");
    await reject(sender, 3, now + HOUR);
    expect((await rowsOf(sender)).map((r) => r.reason)).toEqual([
      "from 29 days ago",
      "signature mismatch #1",
      "signature mismatch #2",
      "signature mismatch #3",
    ]);
  });
});
