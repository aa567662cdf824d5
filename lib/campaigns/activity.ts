import "server-only";
// The campaign page's charts: sends over time by outcome, and failures by Connect's error name. Both are grouped in
// the database over the campaign's rows (index on campaign and send status), so a 100,000-row campaign reads back one
// row per minute and a dozen names, never its rows, and the page gets at most MAX_BUCKETS bars.
import { and, eq, inArray, sql } from "drizzle-orm";
import { campaignRecipients as r } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/** Bucket widths in minutes; the smallest that keeps the chart under MAX_BUCKETS bars is used. */
export const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 10_080] as const;
export const MAX_BUCKETS = 90;
/** Error names shown by name; the rest are summed as `otherFailures`. */
export const TOP_FAILURES = 10;

export interface ActivityBucket {
  /** Start of the bucket, ISO. */
  at: string;
  sent: number;
  failed: number;
  skipped: number;
}

export interface CampaignActivity {
  bucketMinutes: number;
  /** Every bucket from the first outcome's to the last one's, empty ones included, oldest first. */
  sends: ActivityBucket[];
  failures: { name: string; count: number }[];
  otherFailures: number;
}

/** When a row reached its outcome: a sent row when Connect answered, a failed or skipped one when it was last changed. */
const outcomeAt = sql`(case when ${r.sendStatus} = 'sent' then coalesce(${r.sentAt}, ${r.updatedAt}) else ${r.updatedAt} end)`;
// Grouped as a timestamp, cheaper than a computed number; the epoch is taken once per group.
const minuteOf = sql`date_trunc('minute', ${outcomeAt})`;
const finished = (campaignId: string) => and(eq(r.campaignId, campaignId), inArray(r.sendStatus, ["sent", "failed", "skipped"]));

/** Buckets start on whole multiples of their width (UTC), so a 5-minute bucket is 10:05–10:10, not 10:07–10:12. */
export function bucketMinutesFor(firstEpochS: number, lastEpochS: number): number {
  const count = (m: number) => Math.floor(lastEpochS / (m * 60)) - Math.floor(firstEpochS / (m * 60)) + 1;
  return BUCKET_MINUTES.find((m) => count(m) <= MAX_BUCKETS) ?? BUCKET_MINUTES.at(-1)!;
}

/**
 * One grouped scan by minute, then merged into wider buckets here when the campaign spans more than MAX_BUCKETS
 * minutes: a second scan just to find the span first would double the cost for what is at most a few thousand rows.
 */
async function sendsOverTime(db: Db, campaignId: string): Promise<Pick<CampaignActivity, "bucketMinutes" | "sends">> {
  const minutes = await db
    .select({
      minute: sql<number>`extract(epoch from ${minuteOf}) / 60`.mapWith(Number),
      sent: sql<number>`count(*) filter (where ${r.sendStatus} = 'sent')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${r.sendStatus} = 'failed')`.mapWith(Number),
      skipped: sql<number>`count(*) filter (where ${r.sendStatus} = 'skipped')`.mapWith(Number),
    })
    .from(r)
    .where(and(finished(campaignId), sql`${outcomeAt} is not null`))
    .groupBy(minuteOf)
    .orderBy(minuteOf);
  if (minutes.length === 0) return { bucketMinutes: 1, sends: [] };
  const first = minutes[0]!.minute;
  const last = minutes.at(-1)!.minute;
  const bucketMinutes = bucketMinutesFor(first * 60, last * 60);
  const bucketOf = (minute: number) => Math.floor(minute / bucketMinutes);
  const sends: ActivityBucket[] = [];
  for (let b = bucketOf(first); b <= bucketOf(last); b++)
    sends.push({ at: new Date(b * bucketMinutes * 60_000).toISOString(), sent: 0, failed: 0, skipped: 0 });
  for (const m of minutes) {
    const bucket = sends[bucketOf(m.minute) - bucketOf(first)]!;
    bucket.sent += m.sent;
    bucket.failed += m.failed;
    bucket.skipped += m.skipped;
  }
  return { bucketMinutes, sends };
}

async function failuresByName(db: Db, campaignId: string): Promise<Pick<CampaignActivity, "failures" | "otherFailures">> {
  const rows = await db
    .select({ name: sql<string>`coalesce(${r.lastErrorName}, 'No error recorded')`, count: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), eq(r.sendStatus, "failed")))
    .groupBy(sql`1`)
    .orderBy(sql`2 desc`, sql`1`);
  return { failures: rows.slice(0, TOP_FAILURES), otherFailures: rows.slice(TOP_FAILURES).reduce((sum, row) => sum + row.count, 0) };
}

export async function campaignActivity(db: Db, campaignId: string): Promise<CampaignActivity> {
  const [sends, failures] = await Promise.all([sendsOverTime(db, campaignId), failuresByName(db, campaignId)]);
  return { ...sends, ...failures };
}
