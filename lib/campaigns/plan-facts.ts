import "server-only";
// What the capacity planner needs to know about the world beyond one campaign's list: the chats already open on its
// instance, the other campaigns sharing the account rate, what WhatsApp sends already count against the daily limit,
// and how long chats on its flow really last. Read from the console's own records (reconciliation keeps contacts
// current), never guessed.
import { and, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { campaignRecipients as r, campaigns, contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { readSendingCapacity } from "@/lib/settings/sending-capacity";
import type { CapacityFacts } from "./campaign-plan";
import type { CampaignConfig } from "./schemas";

// No chat outlives its longest duration (7 days): an older row still marked open was simply never checked again.
const RECENT_OPEN = sql`now() - interval '7 days'`;
// The flow's lifetime is learned from its most recent ended chats: enough to be stable, recent enough to follow a change.
const LIFETIME_SAMPLE = 200;
/** Fewer ended chats than this say little: the planner keeps the chat duration. */
export const MIN_LIFETIME_SAMPLE = 5;

export interface OtherCampaign {
  id: string;
  name: string;
  /** Rows still to send (pending or being sent). */
  remaining: number;
  /** Set for a scheduled campaign: it joins the account rate then. */
  startsAt: Date | null;
}

export interface ObservedLifetime {
  /** Mean seconds from a chat's start to its end on this flow: the quota frees at quota ÷ mean lifetime, however skewed. */
  seconds: number;
  chats: number;
}

// A campaign's chat lasts the lifetime its plan took (the user's word that the flow ends chats, the flow's learned
// lifetime, or the duration), and never outlives its duration: one still marked open past that has ended and not been
// looked at again yet (reconciliation takes a small share of the rate).
const CAMPAIGN_CHAT_ALIVE = sql`${contacts.createdAt} > now() - make_interval(secs => coalesce(
  (${campaigns.config}->>'flowEndsChatAfterSeconds')::double precision,
  (${campaigns.preflight}#>>'{plan,lifetime,seconds}')::double precision,
  (${campaigns.config}->>'chatDurationMinutes')::double precision * 60,
  604800))`;

/** Chats open now on the instance, of any origin, as reconciliation last found them, less those surely over. */
export async function openChatsOnInstance(db: Db, instanceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(contacts)
    .leftJoin(campaigns, eq(campaigns.id, contacts.campaignId))
    .where(
      and(
        eq(contacts.state, "open"),
        eq(contacts.instanceId, instanceId),
        gt(contacts.createdAt, RECENT_OPEN),
        or(isNull(contacts.campaignId), CAMPAIGN_CHAT_ALIVE),
      ),
    );
  return row?.n ?? 0;
}

/** Campaigns that are sending or will start sending, other than `exceptId`, with what they still have to send. */
export async function otherActiveCampaigns(db: Db, exceptId: string | undefined): Promise<OtherCampaign[]> {
  const active = await db
    .select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, scheduledAt: campaigns.scheduledAt })
    .from(campaigns)
    .where(and(inArray(campaigns.status, ["running", "scheduled"]), exceptId ? ne(campaigns.id, exceptId) : undefined));
  if (active.length === 0) return [];
  const counts = await db
    .select({ id: r.campaignId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(
      and(
        inArray(
          r.campaignId,
          active.map((c) => c.id),
        ),
        inArray(r.sendStatus, ["pending", "sending"]),
      ),
    )
    .groupBy(r.campaignId);
  const remaining = new Map(counts.map((c) => [c.id, c.n]));
  return active
    .map((c) => ({ id: c.id, name: c.name, remaining: remaining.get(c.id) ?? 0, startsAt: c.status === "scheduled" ? c.scheduledAt : null }))
    .filter((c) => c.remaining > 0);
}

/** WhatsApp chats started in the last 24 hours, per hour, by unique customer: what the portfolio's daily limit has already counted. */
export async function whatsAppSendsLast24h(db: Db): Promise<{ at: Date; count: number }[]> {
  const hour = sql<Date>`date_trunc('hour', ${contacts.createdAt})`;
  const rows = await db
    .select({ at: hour.mapWith(contacts.createdAt), count: sql<number>`count(distinct ${contacts.customerPhone})`.mapWith(Number) })
    .from(contacts)
    .where(and(eq(contacts.channel, "whatsapp"), gt(contacts.createdAt, sql`now() - interval '24 hours'`)))
    .groupBy(hour)
    .orderBy(hour);
  return rows;
}

/** How long chats started by campaigns on this flow lasted on average, from their most recent ends; undefined until enough ended. */
export async function observedFlowLifetime(db: Db, contactFlowId: string): Promise<ObservedLifetime | undefined> {
  const recent = db
    .select({ seconds: sql<number>`extract(epoch from (${contacts.disconnectedAt} - coalesce(${contacts.initiatedAt}, ${contacts.createdAt})))`.as("seconds") })
    .from(contacts)
    .innerJoin(campaigns, eq(campaigns.id, contacts.campaignId))
    .where(and(eq(campaigns.contactFlowId, contactFlowId), eq(contacts.state, "ended"), isNotNull(contacts.disconnectedAt)))
    .orderBy(desc(contacts.createdAt))
    .limit(LIFETIME_SAMPLE)
    .as("recent");
  const [row] = await db
    .select({
      mean: sql<number | null>`avg(${recent.seconds})`.mapWith(Number),
      chats: sql<number>`count(*)`.mapWith(Number),
    })
    .from(recent);
  if (!row || row.chats < MIN_LIFETIME_SAMPLE || row.mean === null || !Number.isFinite(row.mean)) return undefined;
  return { seconds: Math.max(0, row.mean), chats: row.chats };
}

/** Everything the plan needs from the console's records and settings, for one campaign's instance, flow and number. */
export async function capacityFacts(
  db: Db,
  c: Pick<CampaignConfig, "instanceId" | "contactFlowId" | "sourcePhoneNumberArn" | "channel">,
  campaignId: string | undefined,
): Promise<CapacityFacts> {
  const [openChats, others, capacity, prior, observed] = await Promise.all([
    openChatsOnInstance(db, c.instanceId),
    otherActiveCampaigns(db, campaignId),
    readSendingCapacity(db),
    c.channel === "whatsapp" ? whatsAppSendsLast24h(db) : Promise.resolve([]),
    observedFlowLifetime(db, c.contactFlowId),
  ]);
  const numberPerSecond = capacity.numberMessagesPerSecond[c.sourcePhoneNumberArn];
  return {
    openChats,
    otherCampaigns: others.map((o) => ({ remaining: o.remaining, startsAt: o.startsAt?.toISOString() ?? null })),
    ...(numberPerSecond !== undefined ? { numberPerSecond } : {}),
    whatsAppDailyLimit: capacity.whatsAppDailyLimit,
    whatsAppPrior: prior.map((p) => ({ at: p.at.toISOString(), count: p.count })),
    ...(observed ? { observedLifetime: observed } : {}),
  };
}
