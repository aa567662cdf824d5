import "server-only";
// A campaign's sending progress for the UI and the API: counts per send status, the rate in force, an estimate of
// the time left, and the errors seen, grouped by Connect's error name.
import { and, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { preflightLimits } from "@/lib/campaigns/limits";
import { livePlan, type LivePlan } from "@/lib/campaigns/live-plan";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { campaignStartedAt } from "@/lib/campaigns/status-words";
import { campaignRecipients as r, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { readBucket } from "./rate-limiter";

type SendStatus = "pending" | "sending" | "sent" | "failed" | "skipped";
// Sends counted over this window give the rate actually achieved.
const RECENT_WINDOW_S = 30;

export interface CampaignProgress {
  status: string;
  pauseReason: string | null;
  waitingReason: string | null;
  /** ISO instants: the start a scheduled campaign waits for, when sending began (null until it has), when it ended. */
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  counts: Record<SendStatus, number> & { total: number };
  /** Pending rows held back now by a guardrail, by what they wait for (their next attempt is when it lets them go). */
  waiting: { sendWindow: number; frequencyCap: number };
  rate: {
    /** The campaign's own ceiling (its sendsPerSecond). */
    campaignPerSecond: number;
    /** The account bucket's rate in force now, lowered after throttling; null when no bucket exists yet. */
    accountPerSecond: number | null;
    accountConfiguredPerSecond: number | null;
    /** Sends recorded per second over the last 30 seconds. */
    recentPerSecond: number;
  };
  /**
   * Seconds until the last send, from the live plan (or until the deadline, when the plan runs past it); null unless
   * the campaign is running or scheduled, or when it cannot finish.
   */
  etaSeconds: number | null;
  /** The capacity plan from now, fed with what is happening: which ceiling binds now, and when sending ends. */
  plan: LivePlan | null;
  /**
   * Rows by the last error Connect gave them, most frequent first: `count` includes rows sent after a retry,
   * `failed` only those that ended failed.
   */
  errors: { name: string; count: number; failed: number; lastMessage: string | null; lastAt: Date | null }[];
}

/** The window the recent rate is counted over: 30 s, or less when sending began less than 30 s ago. */
function recentWindowSeconds(campaign: { launchedAt: Date | null; scheduledAt: Date | null }): number {
  const began = Math.max(campaign.launchedAt?.getTime() ?? 0, campaign.scheduledAt?.getTime() ?? 0);
  return Math.min(RECENT_WINDOW_S, Math.max(1, (Date.now() - began) / 1000));
}

function etaSeconds(plan: LivePlan | null): number | null {
  if (!plan || plan.seconds === null) return null;
  if (!plan.deadline || plan.deadline.unreached === 0) return plan.seconds;
  return Math.max(0, Math.min(plan.seconds, (Date.parse(plan.deadline.at) - Date.parse(plan.input.now)) / 1000));
}

export async function campaignProgress(db: Db, campaignId: string, opts: { limiterKey?: string } = {}): Promise<CampaignProgress | undefined> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) return undefined;
  const grouped = await db
    .select({ status: r.sendStatus, n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), isNotNull(r.sendStatus)))
    .groupBy(r.sendStatus);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0, total: 0 };
  for (const g of grouped) {
    if (g.status) counts[g.status] = g.n;
    counts.total += g.n;
  }
  const [recent] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), eq(r.sendStatus, "sent"), gt(r.sentAt, sql`now() - ${RECENT_WINDOW_S} * interval '1 second'`)));
  const errors = await db
    .select({
      name: sql<string>`${r.lastErrorName}`,
      count: sql<number>`count(*)`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${r.sendStatus} = 'failed')`.mapWith(Number),
      lastMessage: sql<string | null>`(array_agg(${r.lastErrorMessage} order by ${r.updatedAt} desc nulls last))[1]`,
      lastAt: sql<Date | null>`max(${r.updatedAt})`.mapWith(r.updatedAt),
    })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), isNotNull(r.lastErrorName)))
    .groupBy(r.lastErrorName)
    .orderBy(desc(sql`count(*)`))
    .limit(20);

  const waitingRows = await db
    .select({ kind: r.waitKind, n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), isNotNull(r.waitKind)))
    .groupBy(r.waitKind);
  const waiting = { sendWindow: 0, frequencyCap: 0 };
  for (const w of waitingRows) {
    if (w.kind === "send_window") waiting.sendWindow = w.n;
    else if (w.kind === "frequency_cap") waiting.frequencyCap = w.n;
  }

  const bucket = opts.limiterKey ? await readBucket(db, opts.limiterKey) : undefined;
  const campaignPerSecond = (campaign.config as CampaignConfig).sendsPerSecond;
  const limits = await preflightLimits(db);
  const plan = await livePlan(db, campaign, {
    accountPerSecond: bucket?.rate,
    accountConfiguredPerSecond: limits.accountSendsPerSecond,
    concurrentChatQuota: limits.concurrentChatQuota,
    rowsLeft: counts.pending + counts.sending,
  });
  return {
    status: campaign.status,
    pauseReason: campaign.pauseReason,
    waitingReason: campaign.waitingReason,
    scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
    startedAt: campaignStartedAt(campaign)?.toISOString() ?? null,
    finishedAt: campaign.finishedAt?.toISOString() ?? null,
    counts,
    waiting,
    rate: {
      campaignPerSecond,
      accountPerSecond: bucket?.rate ?? null,
      accountConfiguredPerSecond: bucket?.configuredRate ?? null,
      recentPerSecond: (recent?.n ?? 0) / recentWindowSeconds(campaign),
    },
    etaSeconds: etaSeconds(plan),
    plan,
    errors,
  };
}
