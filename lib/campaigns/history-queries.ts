import "server-only";
// History reads: campaigns, and the recipient ledger of one campaign, a keyset page at a time (never OFFSET), so a
// deep page costs what the first one does and rows added meanwhile neither repeat nor shift the next page.
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, like, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { funnelStageWhere } from "@/lib/ledger/funnel";
import { decodeCursor, encodeCursor } from "@/lib/paging/keyset-cursor";
import type { SortDirection } from "./history-filters";
import { NEVER_SENDABLE } from "./history-filters";
import type { CampaignListFilter, RecipientListFilter } from "./history-list-schemas";
import { readWaitingByLine } from "./waiting-query";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const order = (dir: SortDirection, expr: SQL | AnyPgColumn) => (dir === "asc" ? asc(expr) : desc(expr));
/** `(a, b) > (x, y)` going up, `<` going down: a row comparison the btree walks as one range. */
const beyond = (dir: SortDirection, left: SQL, right: SQL) => (dir === "asc" ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`);

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────────────────────
export type CampaignListQuery = Partial<Omit<CampaignListFilter, "limit" | "sort" | "dir">> & Pick<CampaignListFilter, "sort" | "dir"> & { limit: number };

export interface CampaignProgressCounts {
  sent: number;
  failed: number;
  skipped: number;
  total: number;
}

const campaignColumns = {
  id: campaigns.id,
  name: campaigns.name,
  status: campaigns.status,
  channel: campaigns.channel,
  instanceId: campaigns.instanceId,
  contactFlowId: campaigns.contactFlowId,
  sourcePhoneNumberArn: campaigns.sourcePhoneNumberArn,
  createdByEmail: campaigns.createdByEmail,
  createdAt: campaigns.createdAt,
  launchedAt: campaigns.launchedAt,
  // A scheduled campaign's list row says when it starts rather than when it was launched.
  scheduledAt: campaigns.scheduledAt,
  finishedAt: campaigns.finishedAt,
  updatedAt: campaigns.updatedAt,
};

/**
 * The sort key as an expression, and the type its cursor text is read back as. Never-launched campaigns sort last
 * either way (infinity one way, -infinity the other), which keeps the key non-null and the comparison one range.
 * Keys travel as PostgreSQL's own text, so a cursor keeps the microseconds a JavaScript Date would drop.
 */
function campaignKey(sort: CampaignListQuery["sort"], dir: SortDirection): { expr: SQL; type: SQL } {
  if (sort === "name") return { expr: sql`lower(${campaigns.name})`, type: sql`text` };
  if (sort === "launched")
    return { expr: sql`coalesce(${campaigns.launchedAt}, ${dir === "asc" ? sql`'infinity'` : sql`'-infinity'`}::timestamptz)`, type: sql`timestamptz` };
  return { expr: sql`${campaigns.createdAt}`, type: sql`timestamptz` };
}

export async function listCampaignHistory(db: Db, f: CampaignListQuery) {
  const key = campaignKey(f.sort, f.dir);
  const cursor = f.cursor ? decodeCursor(f.cursor, ["s", "s"]) : undefined;
  const where = and(
    f.q ? ilike(campaigns.name, `%${escapeLike(f.q)}%`) : undefined,
    f.status ? eq(campaigns.status, f.status) : undefined,
    f.channel ? eq(campaigns.channel, f.channel) : undefined,
    f.creator ? ilike(campaigns.createdByEmail, `%${escapeLike(f.creator)}%`) : undefined,
    f.from ? gte(campaigns.createdAt, f.from) : undefined,
    f.to ? lte(campaigns.createdAt, f.to) : undefined,
    cursor ? beyond(f.dir, sql`${key.expr}, ${campaigns.id}`, sql`cast(${cursor[0]} as ${key.type}), cast(${cursor[1]} as uuid)`) : undefined,
  );
  const rows = await db
    .select({ ...campaignColumns, sortKey: sql<string>`(${key.expr})::text` })
    .from(campaigns)
    .where(where)
    .orderBy(order(f.dir, key.expr), order(f.dir, campaigns.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const counts = await progressFor(db, page);
  return {
    campaigns: page.map(({ sortKey: _key, updatedAt: _updated, ...c }) => ({ ...c, progress: counts.get(c.id)! })),
    nextCursor: rows.length > f.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

/** Sent, failed and skipped of the sendable rows, for a page of campaigns in one grouped index scan. */
export async function campaignProgressCounts(db: Db, ids: string[]): Promise<Map<string, CampaignProgressCounts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      campaignId: r.campaignId,
      sent: sql<number>`count(*) filter (where ${r.sendStatus} = 'sent')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${r.sendStatus} = 'failed')`.mapWith(Number),
      skipped: sql<number>`count(*) filter (where ${r.sendStatus} = 'skipped')`.mapWith(Number),
      total: sql<number>`count(*)`.mapWith(Number),
    })
    .from(r)
    .where(and(inArray(r.campaignId, ids), isNotNull(r.sendStatus)))
    .groupBy(r.campaignId);
  return new Map(rows.map(({ campaignId, ...counts }) => [campaignId, counts]));
}

// Counting costs about a millisecond per thousand recipients on PGlite, and most campaigns in a list have finished.
// A finished campaign's ledger no longer changes once sends in flight at its end are recorded (well within the
// lease), and a retry moves it back to running, which changes updatedAt: so (id, updatedAt) names its counts.
const SETTLED_MS = 5 * 60_000;
const FINISHED_COUNTS_KEPT = 2000;
const finishedCounts = new Map<string, { stamp: number; counts: CampaignProgressCounts }>();

type CountedCampaign = { id: string; status: string; updatedAt: Date; finishedAt: Date | null };

async function progressFor(db: Db, page: CountedCampaign[]): Promise<Map<string, CampaignProgressCounts>> {
  const settled = (c: CountedCampaign) =>
    (c.status === "completed" || c.status === "cancelled") && c.finishedAt !== null && Date.now() - c.finishedAt.getTime() > SETTLED_MS;
  const out = new Map<string, CampaignProgressCounts>();
  const missing: string[] = [];
  for (const c of page) {
    const kept = finishedCounts.get(c.id);
    if (kept && kept.stamp === c.updatedAt.getTime() && settled(c)) out.set(c.id, kept.counts);
    else missing.push(c.id);
  }
  const counted = await campaignProgressCounts(db, missing);
  for (const c of page) {
    if (!missing.includes(c.id)) continue;
    const counts = counted.get(c.id) ?? { sent: 0, failed: 0, skipped: 0, total: 0 };
    out.set(c.id, counts);
    if (!settled(c)) continue;
    if (finishedCounts.size >= FINISHED_COUNTS_KEPT) finishedCounts.delete(finishedCounts.keys().next().value!);
    finishedCounts.set(c.id, { stamp: c.updatedAt.getTime(), counts });
  }
  return out;
}

export type CampaignHistoryRow = Awaited<ReturnType<typeof listCampaignHistory>>["campaigns"][number];

// ── Recipients ───────────────────────────────────────────────────────────────────────────────────────────────
export type RecipientListQuery = Partial<Omit<RecipientListFilter, "limit" | "sort" | "dir">> & Pick<RecipientListFilter, "sort" | "dir"> & { limit: number };

const recipientColumns = {
  id: r.id,
  line: r.line,
  phoneRaw: r.phoneRaw,
  phone: r.phone,
  name: r.name,
  preflightStatus: r.preflightStatus,
  reason: r.reason,
  sendStatus: r.sendStatus,
  attempts: r.attempts,
  contactId: r.contactId,
  lastErrorName: r.lastErrorName,
  lastErrorMessage: r.lastErrorMessage,
  sentAt: r.sentAt,
  repliedAt: r.repliedAt,
  replyCount: r.replyCount,
  deliveredAt: r.deliveredAt,
  readAt: r.readAt,
  optedOutAt: r.optedOutAt,
  timeZone: r.timeZone,
  waitKind: r.waitKind,
  waitReason: r.waitReason,
};

/**
 * A number search: the digits typed anywhere in the E.164 number ("+1 206" finds +1206…), or the text anywhere in the
 * number as written. No index serves "contains", so it reads the campaign's rows until the page is full; LIKE rather
 * than ILIKE keeps that read under 100 ms for 100,000 rows on PGlite (numbers have no case worth folding).
 */
function numberSearch(q: string): SQL | undefined {
  const digits = q.replace(/\D/g, "");
  return or(digits ? like(r.phone, `%${digits}%`) : undefined, like(r.phoneRaw, `%${escapeLike(q)}%`));
}

function recipientWhere(campaignId: string, f: Pick<RecipientListQuery, "status" | "error" | "q" | "replied" | "stage">): (SQL | undefined)[] {
  const status =
    f.status === undefined
      ? undefined
      : NEVER_SENDABLE.includes(f.status)
        ? and(isNull(r.sendStatus), eq(r.preflightStatus, f.status as "invalid"))
        : eq(r.sendStatus, f.status as "pending");
  // Replied rows and each funnel stage have a partial index by line, so a page by line reads only those rows.
  const replied = f.replied ? isNotNull(r.repliedAt) : undefined;
  const stage = f.stage ? funnelStageWhere(f.stage) : undefined;
  return [eq(r.campaignId, campaignId), status, f.error ? eq(r.lastErrorName, f.error) : undefined, f.q ? numberSearch(f.q) : undefined, replied, stage];
}

/**
 * One page of a campaign's recipients. By line: keyset on the line, unique within a campaign. By sent at: first the
 * rows that were sent, keyset on (sent_at, line), then those never sent, by line; the cursor says which part it is in.
 */
export async function listRecipientHistory(db: Db, campaignId: string, f: RecipientListQuery) {
  const where = recipientWhere(campaignId, f);
  const want = f.limit + 1;
  if (f.sort === "line") {
    const after = f.cursor ? (decodeCursor(f.cursor, ["n"])[0] as number) : undefined;
    const rows = await readWaitingByLine(f.waiting, f.dir, want, (waiting) =>
      db
        .select(recipientColumns)
        .from(r)
        .where(and(...where, waiting, after === undefined ? undefined : beyond(f.dir, sql`${r.line}`, sql`${after}`)))
        .orderBy(order(f.dir, r.line))
        .limit(want),
    );
    const page = rows.slice(0, f.limit);
    return { rows: page, nextCursor: rows.length > f.limit ? encodeCursor([page.at(-1)!.line]) : null };
  }

  const cursor = f.cursor ? (decodeCursor(f.cursor, ["s?", "n"]) as [string | null, number]) : undefined;
  // A waiting row is pending, and sent_at is set only when a row is sent: the waiting filter's rows are all unsent.
  const sent =
    (cursor && cursor[0] === null) || f.waiting
      ? []
      : await db
          .select({ ...recipientColumns, sentKey: sql<string | null>`${r.sentAt}::text` })
          .from(r)
          .where(
            and(
              ...where,
              isNotNull(r.sentAt),
              cursor ? beyond(f.dir, sql`${r.sentAt}, ${r.line}`, sql`cast(${cursor[0]} as timestamptz), ${cursor[1]}`) : undefined,
            ),
          )
          .orderBy(order(f.dir, r.sentAt), order(f.dir, r.line))
          .limit(want);
  const unsent =
    sent.length >= want
      ? []
      : await readWaitingByLine(f.waiting, f.dir, want - sent.length, (waiting) =>
          db
            .select({ ...recipientColumns, sentKey: sql<string | null>`null` })
            .from(r)
            .where(and(...where, waiting, isNull(r.sentAt), cursor && cursor[0] === null ? beyond(f.dir, sql`${r.line}`, sql`${cursor[1]}`) : undefined))
            .orderBy(order(f.dir, r.line))
            .limit(want - sent.length),
        );
  const rows = [...sent, ...unsent];
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { rows: page.map(({ sentKey: _key, ...row }) => row), nextCursor: rows.length > f.limit && last ? encodeCursor([last.sentKey, last.line]) : null };
}

export type RecipientHistoryRow = Awaited<ReturnType<typeof listRecipientHistory>>["rows"][number];

/** Every matching recipient in the list's order, a page at a time, so an export never holds the ledger in memory. */
export async function* iterateRecipientHistory(
  db: Db,
  campaignId: string,
  f: Omit<RecipientListQuery, "limit" | "cursor">,
  pageSize = 2000,
): AsyncGenerator<RecipientHistoryRow> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listRecipientHistory(db, campaignId, { ...f, cursor, limit: pageSize });
    yield* page.rows;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}
