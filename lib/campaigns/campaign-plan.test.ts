// The plan as the console builds it from a campaign's settings and the world's facts, and carries it as JSON.
import { describe, expect, it } from "vitest";
import { chatLifetime, makeCampaignPlan, planInputFor, planInputFromJson, replan, type CapacityFacts } from "./campaign-plan";

const now = new Date("2026-12-06T10:00:00Z");
const idle: CapacityFacts = { openChats: 0, otherCampaigns: [], whatsAppDailyLimit: null, whatsAppPrior: [] };
const sms = { channel: "sms" as const, chatDurationMinutes: 60, sendsPerSecond: 2 };
const limits = { accountSendsPerSecond: 2, concurrentChatQuota: 500 };
const tollFree = { numberType: "TOLL_FREE", numberCountry: "US" };

describe("the campaign plan", () => {
  it("takes the user's word, then the flow's past chats, then the chat duration for how long a chat holds a slot", () => {
    expect(chatLifetime({ ...sms, flowEndsChatAfterSeconds: 30 }, { seconds: 90, chats: 40 })).toEqual({ seconds: 30, source: "stated" });
    expect(chatLifetime(sms, { seconds: 90, chats: 40 })).toEqual({ seconds: 90, source: "observed" });
    expect(chatLifetime(sms, undefined)).toEqual({ seconds: 3600, source: "duration" });
    // No chat outlives its duration, whatever the flow's past chats did.
    expect(chatLifetime(sms, { seconds: 9000, chats: 40 })).toEqual({ seconds: 3600, source: "observed" });
  });

  it("tells the truth for 10,000 recipients against a quota of 500 hour-long chats: about 19 hours, not 83 minutes", () => {
    const plan = makeCampaignPlan(planInputFor(sms, limits, tollFree, idle, 10_000, now));
    expect(plan.binding).toBe("chat-capacity");
    // 500 at 2/s (250 s), then 19 waves of 500 an hour later each: the last starts 19 h after the first.
    expect(plan.seconds).toBeGreaterThan(19 * 3600);
    expect(plan.seconds).toBeLessThan(19 * 3600 + 300);
    expect(plan.bindingWords).toMatch(/chat capacity: 500 chats of ~60 min/);
    expect(plan.whatIf.find((w) => /ended chats after sending/.test(w.label))?.seconds).toBe(5000);
  });

  it("counts the chats already open on the instance: 24 recipients with 493 of 500 chats open wait for chats to end", () => {
    const plan = makeCampaignPlan(planInputFor(sms, limits, tollFree, { ...idle, openChats: 493 }, 24, now));
    expect(plan.binding).toBe("chat-capacity");
    // 7 go at once; the other 17 take the slots of the 493 open chats as they end, evenly over the next hour.
    expect(plan.seconds).toBeGreaterThan(100);
    const alone = makeCampaignPlan(planInputFor(sms, limits, tollFree, idle, 24, now));
    expect(alone.binding).not.toBe("chat-capacity");
    expect(alone.seconds).toBeLessThan(15);
  });

  it("plans WhatsApp against the portfolio's daily limit, counting the customers already reached today", () => {
    const prior = [{ at: "2026-12-06T09:00:00.000Z", count: 200 }];
    const wa = { ...sms, channel: "whatsapp" as const, flowEndsChatAfterSeconds: 30 };
    const plan = makeCampaignPlan(planInputFor(wa, limits, {}, { ...idle, whatsAppDailyLimit: 250, whatsAppPrior: prior }, 100, now));
    expect(plan.binding).toBe("whatsapp-daily-limit");
    // 50 places are left today; the other 50 wait for the 9:00 customers to leave the rolling 24 hours.
    expect(plan.seconds).toBeGreaterThan(22 * 3600);
    const unlimited = makeCampaignPlan(planInputFor(wa, limits, {}, idle, 100, now));
    expect(unlimited.input.whatsappDailyLimit).toBe("unlimited");
    expect(unlimited.seconds).toBeLessThan(60);
  });

  it("survives the trip through JSON and plans again for the moment of launch and a later start", () => {
    const plan = makeCampaignPlan(planInputFor(sms, limits, tollFree, { ...idle, otherCampaigns: [{ remaining: 100, startsAt: null }] }, 1000, now));
    const stored = JSON.parse(JSON.stringify(plan));
    expect(stored).toEqual(plan);
    expect(planInputFromJson(stored.input).now).toEqual(now);
    const later = replan(stored, new Date("2026-12-06T11:00:00Z"), new Date("2026-12-07T08:00:00Z"));
    expect(later.startsAt).toBe("2026-12-07T08:00:00.000Z");
    expect(later.seconds).not.toBeNull();
    expect(Date.parse(later.endsAt!)).toBe(Date.parse("2026-12-07T08:00:00Z") + later.seconds! * 1000);
  });
});
