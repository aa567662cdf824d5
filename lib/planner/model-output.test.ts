// What a plan tells supervisors: the ceilings in words, which one binds, the what-ifs and the chart's points.
import { describe, expect, it } from "vitest";
import { planCampaign } from "./model";
import type { PlanInput } from "./types";

const NOW = new Date("2025-01-01T00:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

const base: PlanInput = {
  now: NOW,
  recipients: 10_000,
  channel: "sms",
  accountRate: 2,
  numberType: "SHORT_CODE",
  chatQuota: 500,
  lifetime: { seconds: 3_600, source: "duration" },
};

const plan = (over: Partial<PlanInput> = {}) => planCampaign({ ...base, ...over });
const words = (over: Partial<PlanInput> = {}) => Object.fromEntries(plan(over).ceilings.map((c) => [c.kind, c.words]));

describe("ceilings in words", () => {
  it("names the chat quota as the binding ceiling when it is", () => {
    const p = plan();
    expect(p.bindingWords).toBe("chat capacity: 500 chats of ~60 min → ~500 recipients per hour");
    expect(p.ceilings.filter((c) => c.binding).map((c) => c.kind)).toEqual(["chat-capacity"]);
    expect(p.ceilings.map((c) => [c.kind, c.perHour])).toEqual([
      ["account-rate", 7_200],
      ["number-throughput", 360_000],
      ["chat-capacity", 500],
    ]);
    expect(words()["number-throughput"]).toBe("number throughput: short code, 100 messages/s → ~360,000 per hour");
  });

  it("says how many campaigns share the account rate", () => {
    const p = plan({ recipients: 3_600, chatQuota: 100_000, otherCampaigns: [{ remaining: 1_800 }] });
    expect(p.bindingWords).toBe("account rate: 2 starts/s shared by 2 campaigns → ~3,600 per hour");
  });

  it("tells where the lifetime comes from and how many chats are open", () => {
    expect(words({ lifetime: { seconds: 240, source: "observed" } })["chat-capacity"]).toBe(
      "chat capacity: 500 chats of ~4 min (as observed for this flow) → ~7,500 recipients per hour",
    );
    expect(words({ lifetime: { seconds: 60, source: "stated" }, openChats: 120 })["chat-capacity"]).toBe(
      "chat capacity: 500 chats of ~60 s, as the flow ends them after sending, 120 open now → ~30,000 recipients per hour",
    );
  });

  it("describes the campaign rate, a stated number throughput, the WhatsApp limit and the windows", () => {
    const w = words({
      channel: "whatsapp",
      campaignRate: 1.5,
      numberPerSecond: 20,
      whatsappDailyLimit: 2_000,
      priorSendsLast24h: [{ at: at(-3_600), count: 300 }],
      windows: [{ start: at(0), end: at(3_600) }],
      recipients: 100,
    });
    expect(w["campaign-rate"]).toBe("campaign rate: 1.5 sends/s → ~5,400 per hour");
    expect(w["number-throughput"]).toBe("number throughput: 20 messages/s set for this number → ~72,000 per hour");
    expect(w["whatsapp-daily-limit"]).toBe("WhatsApp daily limit: 2,000 customers per 24 h, 300 reached in the last 24 h → ~83 per hour");
    // 100 at 1.5/s: 67 s, all inside the window.
    expect(w["send-windows"]).toBe("send windows: open 1 min of the 1 min from start to end → ~83 per hour");
  });
});

describe("what would change the outcome", () => {
  it("offers a flow ending chats after sending and a larger quota when the chat quota binds", () => {
    // Chats of 60 s at 2/s never fill 500 slots: 10,000 / 2 = 5,000 s. A quota of 1,000 fills in 500 s and then sends
    // 1,000 an hour: 9 more waves, 9 × 3,600 + 500 = 32,900 s.
    expect(plan().whatIf).toEqual([
      { label: "If the flow ended chats after sending (~60 s)", seconds: 5_000 },
      { label: "With a concurrent chat quota of 1,000", seconds: 32_900 },
    ]);
  });

  it("uses the lifetime given for chats ended after sending", () => {
    // 300 s chats at 2/s hold 600 slots: the quota of 500 still binds. 500 in 250 s, then a wave every 300 s:
    // 19 × 300 + 250 = 5,950 s.
    expect(plan({ endedAfterSendingSeconds: 300 }).whatIf[0]).toEqual({ label: "If the flow ended chats after sending (~5 min)", seconds: 5_950 });
  });

  it("does not offer ending chats after sending when the flow already does", () => {
    const labels = plan({ lifetime: { seconds: 600, source: "stated" }, chatQuota: 100 }).whatIf.map((w) => w.label);
    expect(labels).toEqual(["With a concurrent chat quota of 200"]);
  });

  it("offers the next WhatsApp tier when the daily limit binds", () => {
    // At 2,000 a day the 1,000 go in 500 s.
    const p = plan({ recipients: 1_000, channel: "whatsapp", numberType: null, chatQuota: 100_000, whatsappDailyLimit: 250 });
    expect(p.whatIf).toEqual([{ label: "At the next WhatsApp tier (2,000 customers a day)", seconds: 500 }]);
    const top = plan({ recipients: 300_000, channel: "whatsapp", chatQuota: 100_000, whatsappDailyLimit: 100_000 });
    expect(top.whatIf).toEqual([{ label: "At the next WhatsApp tier (no daily limit)", seconds: 150_000 }]);
  });

  it("offers running alone or a higher account rate when the rate binds", () => {
    const p = plan({ recipients: 3_600, chatQuota: 100_000, otherCampaigns: [{ remaining: 1_800 }] });
    // Alone: 1,800 s. At 4/s shared: 2/s each until the other is done at 900 s, then 1,800 at 4/s: 450 s more.
    expect(p.whatIf).toEqual([
      { label: "If no other campaign shared the account rate", seconds: 1_800 },
      { label: "With an account rate of 4 starts/s", seconds: 1_350 },
    ]);
  });

  it("offers a faster kind of number when a long code binds", () => {
    const p = plan({ recipients: 3_600, chatQuota: 100_000, numberType: "DID" });
    expect(p.whatIf).toEqual([{ label: "From a toll-free number (3 messages/s)", seconds: 1_800 }]);
  });
});

describe("timeline", () => {
  it("runs from the start to the end in at most 60 points, never going down", () => {
    const p = plan({ startsAt: at(600) });
    expect(p.timeline.length).toBeLessThanOrEqual(60);
    expect(p.timeline[0]).toEqual({ at: at(600), sent: 0 });
    expect(p.timeline.at(-1)).toEqual({ at: p.endsAt, sent: 10_000 });
    for (let i = 1; i < p.timeline.length; i++) {
      expect(p.timeline[i]!.at.getTime()).toBeGreaterThan(p.timeline[i - 1]!.at.getTime());
      expect(p.timeline[i]!.sent).toBeGreaterThanOrEqual(p.timeline[i - 1]!.sent);
    }
  });

  it("follows the first wave exactly", () => {
    // 500 go out at 2/s over the first 250 s; the 60 points over 68,650 s are 1,163.6 s apart, so the second one is
    // in the hour's wait: 500 sent.
    expect(plan().timeline[1]!.sent).toBe(500);
  });
});
