// The fluid model against a per-send simulation (brute-force-test-kit.ts) on seeded random campaigns: small enough to
// follow every recipient (about 2,000, a quota near 50), each scenario stressing one ceiling, and some all at once.
import { describe, expect, it } from "vitest";
import { simulateSends } from "./brute-force-test-kit";
import { planCampaign } from "./model";
import type { PlanInput } from "./types";

const NOW = new Date("2025-03-01T00:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

// mulberry32: the same cases on every run.
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

type Rng = ReturnType<typeof seeded>;

// Account rates and per-number rates whose send intervals divide one another: a per-send simulation taking turns on a
// token grid otherwise loses part of a slot per send where the fluid (rightly, for a real bucket) does not.
const ACCOUNT_RATES = [1, 2, 4, 6];
const LIFETIMES = [60, 120, 300, 600, 3_600];

const base = (r: Rng): PlanInput => ({
  now: NOW,
  recipients: r.int(500, 2_000),
  channel: "sms",
  accountRate: r.pick(ACCOUNT_RATES),
  numberPerSecond: 100,
  chatQuota: 100_000,
  lifetime: { seconds: r.pick(LIFETIMES), source: "duration" },
});

const SCENARIOS: Record<string, (r: Rng) => PlanInput> = {
  "account rate": (r) => base(r),
  "chat capacity": (r) => ({ ...base(r), recipients: 2_000, chatQuota: r.int(20, 80) }),
  "chat capacity with chats open": (r) => {
    const b = { ...base(r), recipients: 2_000, chatQuota: 50 };
    const ages = Array.from({ length: r.int(0, 30) }, () => r.int(0, b.lifetime.seconds));
    return { ...b, openChats: ages.length + r.int(0, 40), existingChatsEndWithinSeconds: r.int(60, 3_600), campaignOpenChatAges: ages };
  },
  "number throughput": (r) => ({ ...base(r), numberPerSecond: undefined, numberType: r.pick(["DID", "TOLL_FREE", "SHORT_CODE", "UIFN"]) }),
  "WhatsApp daily limit": (r) => ({
    ...base(r),
    channel: "whatsapp",
    numberPerSecond: undefined,
    whatsappDailyLimit: r.pick([250, 2_000]),
    priorSendsLast24h: Array.from({ length: r.int(0, 4) }, () => ({ at: at(-r.int(1, 23) * 3_600), count: r.int(0, 60), spanSeconds: r.pick([0, 3_600]) })),
  }),
  "two campaigns sharing the rate": (r) => ({
    ...base(r),
    otherCampaigns: [{ remaining: r.int(100, 3_000), startsAt: r.pick([undefined, at(r.int(0, 600))]) }],
  }),
  "three campaigns, chat capacity": (r) => ({
    ...base(r),
    recipients: 2_000,
    chatQuota: 50,
    otherCampaigns: [{ remaining: r.int(100, 2_000) }, { remaining: r.int(100, 2_000), startsAt: at(r.int(0, 3_600)) }],
  }),
  "send windows": (r) => {
    const windows = Array.from({ length: r.int(2, 4) }, (_, i) => {
      const start = i * 6 * 3_600 + r.int(0, 3_600);
      return { start: at(start), end: at(start + r.int(600, 7_200)) };
    });
    return { ...base(r), startsAt: at(r.int(0, 1_800)), windows: [...windows, { start: at(30 * 3_600), end: at(60 * 86_400) }] };
  },
  "everything at once": (r) => ({
    ...base(r),
    recipients: 2_000,
    channel: "whatsapp",
    numberPerSecond: undefined,
    chatQuota: 50,
    openChats: r.int(0, 60),
    whatsappDailyLimit: 2_000,
    priorSendsLast24h: [{ at: at(-r.int(1, 20) * 3_600), count: r.int(0, 1_500), spanSeconds: 3_600 }],
    otherCampaigns: [{ remaining: r.int(100, 2_000), startsAt: at(r.int(0, 3_600)) }],
    windows: [{ start: at(r.int(0, 3_600)), end: at(40 * 86_400) }],
  }),
};

const CASES_PER_SCENARIO = 12;

describe("the fluid model against a per-send simulation", () => {
  for (const [name, make] of Object.entries(SCENARIOS)) {
    it(`agrees within 2 % on ${name}`, () => {
      const rng = seeded(name.length * 7_919 + name.charCodeAt(0));
      for (let i = 0; i < CASES_PER_SCENARIO; i++) {
        const input = make(rng);
        const simulated = simulateSends(input);
        const plan = planCampaign(input);
        expect(simulated, `case ${i} never finished in the simulation`).not.toBeNull();
        expect(plan.endsAt, `case ${i}: ${plan.blockedBy?.reason}`).not.toBeNull();
        const projected = (plan.endsAt!.getTime() - NOW.getTime()) / 1000;
        const error = Math.abs(projected - simulated!) / simulated!;
        expect(error, `case ${i} ${JSON.stringify(input)}: model ${projected} s, simulation ${simulated} s`).toBeLessThanOrEqual(0.02);
      }
    });
  }
});
