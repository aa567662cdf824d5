// A campaign's capacity plan as the composer, the launch dialog, the campaign page and the API carry it. The planner
// (lib/planner) takes dates; a preflight summary is stored as JSON, so the plan travels with ISO strings and is turned
// back into dates here. The plan keeps the input it was made from, so the launch dialog can plan again for the
// moment the user actually launches. Plain data: safe for the browser.
import { planCampaign } from "@/lib/planner/model";
import type { ChatLifetime, Plan, PlanInput } from "@/lib/planner/types";

/** The facts of the world the plan rests on, beyond the campaign's own settings. */
export interface CapacityFacts {
  /** Chats open on the instance when the facts were read. */
  openChats: number;
  /** Campaigns running or scheduled besides this one: they share the account rate. */
  otherCampaigns: { remaining: number; startsAt: string | null }[];
  /** The admin's messages-per-second for the source number; absent: the default for its type. */
  numberPerSecond?: number;
  /** Unique WhatsApp customers per rolling 24 h; null: unlimited. */
  whatsAppDailyLimit: number | null;
  /** WhatsApp customers reached in the last 24 h, per hour. */
  whatsAppPrior: { at: string; count: number }[];
  /** Mean lifetime of the flow's recent chats, when enough have ended. */
  observedLifetime?: { seconds: number; chats: number };
}

type Dated<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | undefined ? string | undefined : T[K] extends Date | null ? string | null : T[K];
};

export type PlanInputJson = Omit<Dated<PlanInput>, "otherCampaigns" | "priorSendsLast24h" | "windows"> & {
  otherCampaigns?: { remaining: number; startsAt?: string }[];
  priorSendsLast24h?: { at: string; count: number; spanSeconds?: number }[];
  windows?: { start: string; end: string }[];
};

export interface CampaignPlan extends Omit<Dated<Plan>, "timeline"> {
  timeline: { at: string; sent: number }[];
  /** What the plan took for a chat's lifetime, and why. */
  lifetime: ChatLifetime;
  input: PlanInputJson;
}

export interface PlanCampaignFacts {
  channel: "sms" | "whatsapp";
  chatDurationMinutes: number;
  flowEndsChatAfterSeconds?: number;
  sendsPerSecond: number;
  startsAt?: string;
}

export interface PlanLimits {
  accountSendsPerSecond: number;
  concurrentChatQuota: number;
}

/** The lifetime of one chat: the user's word that the flow ends it, else what the flow's chats did, else the duration. */
export function chatLifetime(c: PlanCampaignFacts, observed: CapacityFacts["observedLifetime"]): ChatLifetime {
  const duration = c.chatDurationMinutes * 60;
  if (c.flowEndsChatAfterSeconds !== undefined) return { seconds: Math.min(c.flowEndsChatAfterSeconds, duration), source: "stated" };
  // No chat outlives its duration, whatever the flow did before.
  if (observed) return { seconds: Math.min(observed.seconds, duration), source: "observed" };
  return { seconds: duration, source: "duration" };
}

export interface PlanSource {
  numberType?: string;
  numberCountry?: string;
}

/** What the planner needs for a campaign about to send `recipients` from `now`. */
export function planInputFor(c: PlanCampaignFacts, limits: PlanLimits, number: PlanSource, facts: CapacityFacts, recipients: number, now: Date): PlanInput {
  return {
    now,
    recipients,
    ...(c.startsAt ? { startsAt: new Date(c.startsAt) } : {}),
    channel: c.channel,
    accountRate: limits.accountSendsPerSecond,
    campaignRate: c.sendsPerSecond,
    otherCampaigns: facts.otherCampaigns.map((o) => ({ remaining: o.remaining, ...(o.startsAt ? { startsAt: new Date(o.startsAt) } : {}) })),
    chatQuota: limits.concurrentChatQuota,
    openChats: facts.openChats,
    lifetime: chatLifetime(c, facts.observedLifetime),
    numberType: number.numberType ?? null,
    numberCountry: number.numberCountry ?? null,
    ...(facts.numberPerSecond !== undefined ? { numberPerSecond: facts.numberPerSecond } : {}),
    ...(c.channel === "whatsapp"
      ? {
          whatsappDailyLimit: facts.whatsAppDailyLimit ?? "unlimited",
          priorSendsLast24h: facts.whatsAppPrior.map((p) => ({ at: new Date(p.at), count: p.count, spanSeconds: 3600 })),
        }
      : {}),
  };
}

const iso = (d: Date) => d.toISOString();

/** JSON keeps no undefined member: leaving them out here makes the stored plan equal the one handed back. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function planInputToJson(input: PlanInput): PlanInputJson {
  return defined({
    ...input,
    now: iso(input.now),
    startsAt: input.startsAt ? iso(input.startsAt) : undefined,
    windows: input.windows?.map((w) => ({ start: iso(w.start), end: iso(w.end) })),
    otherCampaigns: input.otherCampaigns?.map((o) => ({ remaining: o.remaining, ...(o.startsAt ? { startsAt: iso(o.startsAt) } : {}) })),
    priorSendsLast24h: input.priorSendsLast24h?.map((p) => ({ ...p, at: iso(p.at) })),
  });
}

export function planInputFromJson(json: PlanInputJson): PlanInput {
  return {
    ...json,
    now: new Date(json.now),
    startsAt: json.startsAt ? new Date(json.startsAt) : undefined,
    windows: json.windows?.map((w) => ({ start: new Date(w.start), end: new Date(w.end) })),
    otherCampaigns: json.otherCampaigns?.map((o) => ({ remaining: o.remaining, ...(o.startsAt ? { startsAt: new Date(o.startsAt) } : {}) })),
    priorSendsLast24h: json.priorSendsLast24h?.map((p) => ({ ...p, at: new Date(p.at) })),
  };
}

/** Plans and packs the result for storage and the browser. */
export function makeCampaignPlan(input: PlanInput): CampaignPlan {
  const plan = planCampaign(input);
  return {
    ...plan,
    startsAt: iso(plan.startsAt),
    endsAt: plan.endsAt ? iso(plan.endsAt) : null,
    timeline: plan.timeline.map((p) => ({ at: iso(p.at), sent: p.sent })),
    lifetime: input.lifetime,
    input: planInputToJson(input),
  };
}

/**
 * The same plan made again for another moment: the launch dialog plans from the time the user launches, and for the
 * start they chose. Everything measured (open chats, other campaigns, prior sends) is as it was when the plan was made.
 */
export function replan(plan: CampaignPlan, now: Date, startsAt?: Date): CampaignPlan {
  return makeCampaignPlan({ ...planInputFromJson(plan.input), now, startsAt });
}
