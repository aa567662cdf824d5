import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { campaignRecipients, campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { funnelStageWhere } from "@/lib/ledger/funnel";
import type { FunnelStage } from "@/lib/ledger/funnel-stages";
import { readWaitingByLine } from "./waiting-query";
import type { CampaignStatus } from "./status";
import type { WaitingFilter } from "./waits";

export async function getCampaign(db: Db, id: string): Promise<Campaign | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function listRecentCampaigns(db: Db, limit = 100): Promise<Campaign[]> {
  return db.select().from(campaigns).orderBy(desc(campaigns.createdAt)).limit(limit);
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert): Promise<Campaign> {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

/**
 * Moves a campaign from one status to another only if it is still in `from`: zero rows means someone else
 * changed it first, and the caller reports that instead of overwriting.
 */
export async function transitionCampaign(
  db: Db,
  id: string,
  from: CampaignStatus,
  to: CampaignStatus,
  patch: Partial<typeof campaigns.$inferInsert> = {},
  /** A further condition the row must meet at the moment it moves (e.g. still due). */
  also?: SQL,
): Promise<Campaign | undefined> {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, status: to, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, from), also))
    .returning();
  return row;
}

export async function updateDraft(db: Db, id: string, patch: Partial<typeof campaigns.$inferInsert>): Promise<Campaign | undefined> {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .returning();
  return row;
}

export async function deleteDraft(db: Db, id: string): Promise<Campaign | undefined> {
  const [row] = await db
    .delete(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .returning();
  return row;
}

export async function recipientCounts(db: Db, campaignId: string) {
  const rows = await db
    .select({ preflight: campaignRecipients.preflightStatus, send: campaignRecipients.sendStatus, n: count() })
    .from(campaignRecipients)
    .where(eq(campaignRecipients.campaignId, campaignId))
    .groupBy(campaignRecipients.preflightStatus, campaignRecipients.sendStatus);
  return rows;
}

/** Every stored row in source order, a page at a time, for the preflight report CSV. */
export async function* iterateRecipients(db: Db, campaignId: string, pageSize = 2000) {
  let afterLine = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), sql`${campaignRecipients.line} > ${afterLine}`))
      .orderBy(asc(campaignRecipients.line))
      .limit(pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    afterLine = rows[rows.length - 1]!.line;
  }
}

// Lines are positive; a line before every line for a cursor whose row no longer exists.
const afterRow = (campaignId: string, id: number) =>
  sql`${campaignRecipients.line} > coalesce((select c.line from ${campaignRecipients} c where c.id = ${id} and c.campaign_id = ${campaignId}), -1)`;

export const RECIPIENT_FILTERS = ["pending", "sending", "sent", "failed", "skipped", "valid", "invalid", "duplicate", "suppressed"] as const;
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number];

/**
 * One page of a campaign's ledger in id order; the cursor is the last id of the previous page. A campaign's rows are
 * written in line order, so within it ids rise with lines: the page is read by line, through the campaign's own indexes,
 * from the line of the cursor's row (a cursor whose row is gone, as after a draft was saved again, starts over).
 */
export async function listRecipients(
  db: Db,
  campaignId: string,
  f: { status?: RecipientFilter; stage?: FunnelStage; waiting?: WaitingFilter; cursor?: number; limit: number },
) {
  const byStatus =
    f.status === undefined
      ? undefined
      : (["valid", "invalid", "duplicate", "suppressed"] as const).includes(f.status as "valid")
        ? eq(campaignRecipients.preflightStatus, f.status as "valid")
        : eq(campaignRecipients.sendStatus, f.status as "pending");
  const rows = await readWaitingByLine(f.waiting, "asc", f.limit + 1, (waiting) =>
    db
      .select()
      .from(campaignRecipients)
      .where(
        and(
          eq(campaignRecipients.campaignId, campaignId),
          byStatus,
          f.stage ? funnelStageWhere(f.stage) : undefined,
          waiting,
          f.cursor ? afterRow(campaignId, f.cursor) : undefined,
        ),
      )
      .orderBy(asc(campaignRecipients.line))
      .limit(f.limit + 1),
  );
  const page = rows.slice(0, f.limit);
  return { rows: page, nextCursor: rows.length > f.limit ? page[page.length - 1]!.id : null };
}
