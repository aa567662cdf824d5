import "server-only";
// The campaign page's ETA: the same capacity plan as preflight, fed with what is happening now — the rows left, the
// account rate in force (lowered after throttling), the chats open on the instance, the ages of this campaign's own
// open chats (each frees its slot when it reaches the lifetime), the lifetime its flow's chats really had, and the
// other campaigns sharing the account rate.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { campaignRecipients as r, contacts, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { makeCampaignPlan, planInputFor, type CampaignPlan, type CapacityFacts } from "./campaign-plan";
import { campaignDeadline, deadlineCause, recipientsPastDeadline, sendingBeganAt } from "./deadline";
import { capacityFacts } from "./plan-facts";
import type { PreflightSummary } from "./preflight-summary";
import type { CampaignConfig } from "./schemas";

// Open chats older than this were never checked again, not still open (no chat outlives 7 days).
const RECENT_OPEN = sql`now() - interval '7 days'`;
// Ages are read in buckets of this many seconds: precise enough for an ETA, one row per bucket however many chats.
const AGE_BUCKET_SECONDS = 15;

export interface LiveRates {
  /** The account bucket's rate in force now; undefined before any campaign sent. */
  accountPerSecond?: number;
  /** The configured account rate, when no bucket exists yet. */
  accountConfiguredPerSecond: number;
  concurrentChatQuota: number;
  /** Rows still to send, when the caller has just counted them. */
  rowsLeft?: number;
}

// Every viewer's page asks for the plan each second. The facts about the rest of the instance (its open chats, the
// other campaigns, WhatsApp customers reached, the flow's learned lifetime) read several tables across campaigns and
// change slowly next to an ETA in minutes, so they are read at most once per FACTS_TTL_MS per campaign, for all viewers.
const FACTS_TTL_MS = 5_000;
const factsCache = new WeakMap<Db, Map<string, { readAt: number; facts: Promise<CapacityFacts> }>>();

function recentCapacityFacts(db: Db, campaign: Campaign): Promise<CapacityFacts> {
  let byCampaign = factsCache.get(db);
  if (!byCampaign) factsCache.set(db, (byCampaign = new Map()));
  const now = Date.now();
  for (const [id, entry] of byCampaign) if (now - entry.readAt >= FACTS_TTL_MS) byCampaign.delete(id);
  const cached = byCampaign.get(campaign.id);
  if (cached) return cached.facts;
  const facts = capacityFacts(db, campaign, campaign.id);
  byCampaign.set(campaign.id, { readAt: now, facts });
  // A failed read is not kept: the next poll reads again.
  facts.catch(() => byCampaign.delete(campaign.id));
  return facts;
}

/** Rows still to send: pending, or claimed and not yet answered. */
async function rowsLeft(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), inArray(r.sendStatus, ["pending", "sending"])));
  return row?.n ?? 0;
}

/** This campaign's open chats by age, so the plan knows when each frees its slot. */
async function openChatAges(db: Db, campaignId: string): Promise<{ ageSeconds: number; count: number }[]> {
  // A literal, not a parameter: the GROUP BY must repeat the very expression the SELECT uses.
  const bucket = sql<number>`floor(extract(epoch from (now() - ${contacts.createdAt})) / ${sql.raw(String(AGE_BUCKET_SECONDS))})`;
  const rows = await db
    .select({ bucket: bucket.mapWith(Number), count: sql<number>`count(*)`.mapWith(Number) })
    .from(contacts)
    .where(and(eq(contacts.campaignId, campaignId), eq(contacts.state, "open"), gt(contacts.createdAt, RECENT_OPEN)))
    .groupBy(bucket);
  return rows.map((b) => ({ ageSeconds: b.bucket * AGE_BUCKET_SECONDS, count: b.count }));
}

/** The campaign's deadline as it bears on the plan: when, set by what, and how many of the rows left it cuts off. */
export interface LiveDeadline {
  at: string;
  cause: "end time" | "maximum age";
  /** Rows left that the plan's pace would not reach by then: they will be skipped as expired. */
  unreached: number;
}

export type LivePlan = CampaignPlan & { deadline?: LiveDeadline };

/** A plan that would run past the deadline ends at it: what is not sent by then expires. */
export function withDeadline(plan: CampaignPlan, config: CampaignConfig, campaign: Pick<Campaign, "launchedAt" | "scheduledAt" | "status">): LivePlan {
  const began = sendingBeganAt(campaign) ?? (campaign.status === "scheduled" ? campaign.scheduledAt : null);
  const at = campaignDeadline(config, began);
  if (!at) return plan;
  const unreached = plan.blockedBy ? plan.input.recipients : recipientsPastDeadline(plan.timeline, plan.input.recipients, at.getTime());
  return { ...plan, deadline: { at: at.toISOString(), cause: deadlineCause(config, began) ?? "end time", unreached } };
}

/** The plan from now for a campaign that is running or scheduled; null for any other status. */
export async function livePlan(db: Db, campaign: Campaign, rates: LiveRates, now = new Date()): Promise<LivePlan | null> {
  if (campaign.status !== "running" && campaign.status !== "scheduled") return null;
  const c = campaign.config as CampaignConfig;
  const [left, facts, ages] = await Promise.all([
    rates.rowsLeft ?? rowsLeft(db, campaign.id),
    recentCapacityFacts(db, campaign),
    openChatAges(db, campaign.id),
  ]);
  // The number's type and country were read from Connect when the campaign was checked; they do not change.
  const checked = (campaign.preflight as PreflightSummary).plan?.input;
  const input = planInputFor(
    {
      channel: campaign.channel,
      chatDurationMinutes: c.chatDurationMinutes,
      flowEndsChatAfterSeconds: c.flowEndsChatAfterSeconds,
      sendsPerSecond: c.sendsPerSecond,
      startsAt: campaign.status === "scheduled" && campaign.scheduledAt ? campaign.scheduledAt.toISOString() : undefined,
    },
    { accountSendsPerSecond: rates.accountPerSecond ?? rates.accountConfiguredPerSecond, concurrentChatQuota: rates.concurrentChatQuota },
    { numberType: checked?.numberType ?? undefined, numberCountry: checked?.numberCountry ?? undefined },
    facts,
    left,
    now,
  );
  // The send windows the check planned with are instants; those already past drop out as time goes on.
  const windows = checked?.windows?.map((w) => ({ start: new Date(w.start), end: new Date(w.end) }));
  return withDeadline(makeCampaignPlan({ ...input, ...(windows ? { windows } : {}), campaignOpenChatHistogram: ages }), c, campaign);
}
