// Each ceiling alone and in combination, with the expected seconds worked out by hand in each test.
import { describe, expect, it } from "vitest";
import { planCampaign } from "./model";
import type { PlanInput } from "./types";

const NOW = new Date("2025-01-01T00:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const HOUR = 3_600;

// Only the account rate can bind unless a test brings another ceiling in.
const base: PlanInput = {
  now: NOW,
  recipients: 0,
  channel: "sms",
  accountRate: 2,
  numberPerSecond: 100,
  chatQuota: 100_000,
  lifetime: { seconds: HOUR, source: "duration" },
};

const plan = (over: Partial<PlanInput>) => planCampaign({ ...base, ...over });

describe("the account rate", () => {
  it("sends at the rate when nothing else binds", () => {
    // 7,200 at 2/s; 2 × 3,600 = 7,200 open chats at most, under the 10,000 quota.
    const p = plan({ recipients: 7_200, chatQuota: 10_000 });
    expect(p.seconds).toBe(3_600);
    expect(p.binding).toBe("account-rate");
  });

  it("is shared evenly with a campaign running now, which speeds up again when it finishes", () => {
    // Both at 1/s until the other's 1,800 are out (1,800 s; we sent 1,800 too), then our other 1,800 at 2/s: 900 s.
    const p = plan({ recipients: 3_600, otherCampaigns: [{ remaining: 1_800 }] });
    expect(p.seconds).toBe(2_700);
    expect(p.binding).toBe("account-rate");
  });

  it("is shared from the moment a scheduled campaign starts", () => {
    // Alone for 600 s (1,200 sent), then 1/s each: our other 1,800 take 1,800 s; the other has 3,000, enough to last.
    expect(plan({ recipients: 3_000, otherCampaigns: [{ remaining: 3_000, startsAt: at(600) }] }).seconds).toBe(2_400);
  });

  it("yields to the campaign's own lower rate setting", () => {
    const p = plan({ recipients: 3_600, accountRate: 5, campaignRate: 1 });
    expect(p.seconds).toBe(3_600);
    expect(p.binding).toBe("campaign-rate");
  });
});

describe("the concurrent chat quota", () => {
  it("sends a quota's worth at the rate, then a wave each time those chats end", () => {
    // 500 free slots at 2/s fill in 250 s. Each chat stays open 3,600 s, so the 500 slots come back an hour after they
    // were taken, at 2/s again: 19 more waves of 500, each starting an hour after the one before and lasting 250 s.
    // Last send: 19 × 3,600 + 250 = 68,650 s (≈ 19 h), the same as 250 s + 9,500 / (500 per hour) × 3,600 s.
    // The sending rate alone would say 10,000 / 2 = 5,000 s (~1.4 h).
    const p = plan({ recipients: 10_000, chatQuota: 500 });
    expect(p.seconds).toBe(68_650);
    expect(p.binding).toBe("chat-capacity");
  });

  it("ends with a partial wave", () => {
    // 10,100 = 20 full waves + 100: the last wave starts at 20 × 3,600 = 72,000 s and takes 100 / 2 = 50 s.
    expect(plan({ recipients: 10_100, chatQuota: 500 }).seconds).toBe(72_050);
  });

  it("does not bind when chats end soon after sending", () => {
    // Chats of 60 s at 2/s: at most 120 open at once, far under 500; the rate alone decides: 5,000 s.
    const p = plan({ recipients: 10_000, chatQuota: 500, lifetime: { seconds: 60, source: "stated" } });
    expect(p.seconds).toBe(5_000);
    expect(p.binding).toBe("account-rate");
  });

  it("binds short chats when the rate outruns the quota", () => {
    // 120 would be open at 2/s but the quota is 100: 100 in 50 s, then a wave of 100 (50 s) every 60 s:
    // 1,000 = 10 waves, the last starting at 9 × 60 = 540 s: 590 s.
    expect(plan({ recipients: 1_000, chatQuota: 100, lifetime: { seconds: 60, source: "stated" } }).seconds).toBe(590);
  });

  it("counts chats open before the start, ending evenly over the time given", () => {
    // 300 open, ending at 300 / 1,800 s = 1/6 per second. Slots fill when 300 − t/6 + 2t = 500: t = 1,200/11 s, with
    // 2,400/11 sent. Then we send at 1/6 per second as they end, until 1,800 s: 2,400/11 + (1,800 − 1,200/11)/6 = 500,
    // all ours. Those come back from 3,600 s the way they went out, so the other 500 are out at 3,600 + 1,800 = 5,400 s.
    const p = plan({ recipients: 1_000, chatQuota: 500, openChats: 300, existingChatsEndWithinSeconds: 1_800 });
    expect(p.seconds).toBe(5_400);
  });

  it("frees the campaign's own open chats when they reach their lifetime", () => {
    // 100 of our chats, 500 s old, end at 600 − 500 = 100 s; the 100 recipients then go at 2/s: 150 s.
    const own = { chatQuota: 100, openChats: 100, lifetime: { seconds: 600, source: "duration" as const } };
    expect(plan({ ...own, recipients: 100, campaignOpenChatAges: Array<number>(100).fill(500) }).seconds).toBe(150);
    // As a histogram: 60 end at 100 s (sent by 130 s), 40 more at 300 s (sent by 320 s).
    const histogram = [
      { ageSeconds: 500, count: 60 },
      { ageSeconds: 300, count: 40 },
    ];
    expect(plan({ ...own, recipients: 100, campaignOpenChatHistogram: histogram }).seconds).toBe(320);
  });
});

describe("the source number", () => {
  it("holds a 10DLC long code to 1 message per second", () => {
    const p = plan({ recipients: 3_600, numberPerSecond: undefined, numberType: "DID" });
    expect(p.seconds).toBe(3_600);
    expect(p.binding).toBe("number-throughput");
  });

  it("holds a toll-free number to 3 per second, under a 5/s account rate", () => {
    expect(plan({ recipients: 9_000, accountRate: 5, numberPerSecond: undefined, numberType: "TOLL_FREE" }).seconds).toBe(3_000);
  });

  it("holds a WhatsApp number to 80 per second once the account allows more", () => {
    const p = plan({ recipients: 8_000, accountRate: 100, channel: "whatsapp", numberPerSecond: undefined });
    expect(p.seconds).toBe(100);
    expect(p.binding).toBe("number-throughput");
  });

  it("takes the number's stated throughput over the default for its type", () => {
    expect(plan({ recipients: 3_600, accountRate: 10, numberType: "DID", numberPerSecond: 4 }).seconds).toBe(900);
  });
});

describe("the WhatsApp daily limit", () => {
  const whatsapp = { channel: "whatsapp" as const, numberPerSecond: undefined };

  it("sends a day's limit, then waits for those customers to leave the rolling 24 h", () => {
    // 250 go in 125 s; they leave the window 24 h later, at 2/s as they came, so each day sends 250 in 125 s.
    // 1,000 = 4 days: 3 × 86,400 + 125 = 259,325 s.
    const p = plan({ ...whatsapp, recipients: 1_000, whatsappDailyLimit: 250 });
    expect(p.seconds).toBe(259_325);
    expect(p.binding).toBe("whatsapp-daily-limit");
  });

  it("counts customers other campaigns reached in the last 24 h until they leave it", () => {
    // 200 reached 20 h ago leave 50 places: 50 go in 25 s. The 200 leave the window at 4 h: sent by 14,400 + 100 s.
    // Our first 50 leave at 86,400 s (+25 s) and the next 200 at 100,800 s, all out by 100,800 + 100 = 100,900 s.
    const prior = [{ at: at(-20 * HOUR), count: 200 }];
    expect(plan({ ...whatsapp, recipients: 500, whatsappDailyLimit: 250, priorSendsLast24h: prior }).seconds).toBe(100_900);
  });

  it("plans a send lasting many days", () => {
    // 10,000 a day at 2/s take 5,000 s each day (60 s chats never fill the quota): 10 days, the last one starting at
    // 9 × 86,400 s: 782,600 s.
    const p = plan({ ...whatsapp, recipients: 100_000, whatsappDailyLimit: 10_000, lifetime: { seconds: 60, source: "stated" } });
    expect(p.seconds).toBe(782_600);
    expect(p.binding).toBe("whatsapp-daily-limit");
  });

  it("is not modelled for SMS", () => {
    expect(plan({ recipients: 1_000, whatsappDailyLimit: 250 }).seconds).toBe(500);
  });
});

describe("start time and send windows", () => {
  const windows = [
    { start: at(HOUR), end: at(HOUR + 1_200) },
    { start: at(3 * HOUR), end: at(4 * HOUR) },
  ];

  it("sends only inside the windows", () => {
    // The first window (1,200 s) sends 2,400; the other 1,200 take 600 s of the second: 3 h + 600 s = 11,400 s.
    const p = plan({ recipients: 3_600, windows });
    expect(p.seconds).toBe(11_400);
    expect(p.binding).toBe("send-windows");
  });

  it("counts from a scheduled start inside a window", () => {
    // From 4,200 s, 600 s of the first window are left (1,200 sent); 2,400 more take 1,200 s from 3 h: 12,000 s,
    // 7,800 s after the start.
    const p = plan({ recipients: 3_600, windows, startsAt: at(4_200) });
    expect(p.startsAt).toEqual(at(4_200));
    expect(p.seconds).toBe(7_800);
    expect(p.endsAt).toEqual(at(12_000));
  });
});

describe("ceilings together", () => {
  it("shares the rate while the chat quota binds", () => {
    // Our turn is 1/s beside a large campaign: 100 slots fill in 100 s, then a wave of 100 (100 s) every 600 s while the
    // other campaign takes the whole rate in between. 1,000 = 10 waves: 9 × 600 + 100 = 5,500 s.
    const p = plan({ recipients: 1_000, chatQuota: 100, lifetime: { seconds: 600, source: "duration" }, otherCampaigns: [{ remaining: 20_000 }] });
    expect(p.seconds).toBe(5_500);
    expect(p.binding).toBe("chat-capacity");
  });

  it("lets the chat quota bind inside a WhatsApp day", () => {
    // Each day: 250 at 2/s, but only 100 chats of 600 s at once: waves at 0, 600 and 1,200 s (100, 100, 50): the day's
    // 250 are out at 1,225 s. Customers leave the rolling day as they came, so day 2 repeats: 86,400 + 1,225 s.
    const p = plan({
      recipients: 500,
      channel: "whatsapp",
      numberPerSecond: undefined,
      whatsappDailyLimit: 250,
      chatQuota: 100,
      lifetime: { seconds: 600, source: "duration" },
    });
    expect(p.seconds).toBe(87_625);
    expect(p.binding).toBe("whatsapp-daily-limit");
  });
});
