// Turns a plan input into the fluid run's terms: seconds from now, the two slot pools, the campaign's own ceilings.
// A variant changes one thing for a what-if while keeping every fact about chats already open.
import type { FluidInput } from "./fluid-run";
import { defaultNumberThroughput, type NumberThroughput } from "./number-throughput";
import { windowSpans, type Span } from "./send-windows";
import { SlotPool, type Release } from "./slot-pool";
import type { PlanInput } from "./types";

export const DAY_SECONDS = 86_400;

export interface Variant {
  /** Lifetime of the chats this campaign starts from now on; chats open already keep the input lifetime. */
  newChatLifetime?: number;
  chatQuota?: number;
  accountRate?: number;
  whatsappDailyLimit?: number | "unlimited";
  numberPerSecond?: number;
  campaignRate?: number | null;
  noWindows?: boolean;
  alone?: boolean;
}

/** What the plan was made with, resolved from defaults, for the sentences and the what-ifs. */
export interface Resolved {
  nowMs: number;
  start: number;
  accountRate: number;
  campaignRate: number | null;
  number: NumberThroughput & { overridden: boolean };
  lifetime: number;
  chatQuota: number;
  openChats: number;
  /** A WhatsApp daily limit in force (null: SMS, not given or unlimited), and how much of it other sends hold now. */
  whatsappLimit: number | null;
  whatsappUsed: number;
  windows: Span[] | null;
}

const seconds = (at: Date, nowMs: number) => (at.getTime() - nowMs) / 1000;

function chatReleases(input: PlanInput): Release[] {
  const life = input.lifetime.seconds;
  const releases: Release[] = [];
  let own = 0;
  for (const age of input.campaignOpenChatAges ?? []) {
    releases.push({ start: life - age, end: life - age, amount: 1 });
    own += 1;
  }
  for (const bar of input.campaignOpenChatHistogram ?? []) {
    releases.push({ start: life - bar.ageSeconds, end: life - bar.ageSeconds, amount: bar.count });
    own += bar.count;
  }
  // Reconciliation counts the instance and the campaign at slightly different moments: never fewer others than none.
  const others = Math.max(0, (input.openChats ?? 0) - own);
  releases.push({ start: 0, end: input.existingChatsEndWithinSeconds ?? life, amount: others });
  return releases;
}

function whatsappReleases(input: PlanInput, nowMs: number): Release[] {
  return (input.priorSendsLast24h ?? []).map((p) => {
    const start = seconds(p.at, nowMs) + DAY_SECONDS;
    return { start, end: start + (p.spanSeconds ?? 0), amount: p.count };
  });
}

export function toFluidInput(input: PlanInput, variant: Variant = {}): { fluid: FluidInput; resolved: Resolved } {
  const nowMs = input.now.getTime();
  const start = input.startsAt ? Math.max(0, seconds(input.startsAt, nowMs)) : 0;
  const accountRate = variant.accountRate ?? input.accountRate;
  const campaignRate = variant.campaignRate === null ? null : (variant.campaignRate ?? input.campaignRate ?? null);
  const numberPerSecond = variant.numberPerSecond ?? input.numberPerSecond;
  const number =
    numberPerSecond === undefined
      ? { ...defaultNumberThroughput(input.channel, input.numberType, input.numberCountry), overridden: false }
      : { perSecond: numberPerSecond, label: "this number", overridden: true };
  const lifetime = variant.newChatLifetime ?? input.lifetime.seconds;
  const chatQuota = variant.chatQuota ?? input.chatQuota;
  const limit = variant.whatsappDailyLimit ?? input.whatsappDailyLimit;
  const whatsappLimit = input.channel === "whatsapp" && typeof limit === "number" ? limit : null;
  const windows = input.windows && !variant.noWindows ? windowSpans(input.windows, nowMs) : null;

  const chats = new SlotPool("chat-capacity", chatQuota, lifetime, chatReleases(input));
  const pools = [chats];
  let whatsappUsed = 0;
  if (whatsappLimit !== null) {
    const whatsapp = new SlotPool("whatsapp-daily-limit", whatsappLimit, DAY_SECONDS, whatsappReleases(input, nowMs));
    whatsappUsed = whatsapp.held;
    pools.push(whatsapp);
  }
  const ownLimits: FluidInput["ownLimits"] = [];
  if (campaignRate !== null) ownLimits.push({ kind: "campaign-rate", perSecond: campaignRate });
  ownLimits.push({ kind: "number-throughput", perSecond: number.perSecond });
  const others = variant.alone
    ? []
    : (input.otherCampaigns ?? []).map((o) => ({ remaining: o.remaining, start: o.startsAt ? Math.max(0, seconds(o.startsAt, nowMs)) : 0 }));

  const fluid: FluidInput = { recipients: input.recipients, start, windows, accountRate, ownLimits, others, pools };
  const resolved: Resolved = {
    nowMs,
    start,
    accountRate,
    campaignRate,
    number,
    lifetime,
    chatQuota,
    openChats: input.openChats ?? 0,
    whatsappLimit,
    whatsappUsed,
    windows,
  };
  return { fluid, resolved };
}
