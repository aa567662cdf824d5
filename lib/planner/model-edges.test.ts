// Plans at the edges: nothing to send, a full quota, ceilings at zero, windows that close too soon, bad input.
import { describe, expect, it } from "vitest";
import { planCampaign } from "./model";
import type { Plan, PlanInput } from "./types";
import { PlanInputError } from "./validate-input";

const NOW = new Date("2025-01-01T00:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

const base: PlanInput = {
  now: NOW,
  recipients: 3_600,
  channel: "sms",
  accountRate: 2,
  numberPerSecond: 100,
  chatQuota: 100_000,
  lifetime: { seconds: 3_600, source: "duration" },
};

const plan = (over: Partial<PlanInput>) => planCampaign({ ...base, ...over });

/** Every number in the plan is finite: no Infinity or NaN reaches a caller. */
function expectFinite(p: Plan): void {
  const numbers = [p.seconds, ...p.ceilings.map((c) => c.perHour), ...p.whatIf.map((w) => w.seconds), ...p.timeline.map((t) => t.sent)];
  for (const n of numbers) if (n !== null) expect(Number.isFinite(n)).toBe(true);
  for (const d of [p.startsAt, p.endsAt, ...p.timeline.map((t) => t.at)]) if (d !== null) expect(Number.isNaN(d.getTime())).toBe(false);
}

describe("nothing to send", () => {
  it("takes no time and names no ceiling", () => {
    const p = plan({ recipients: 0, startsAt: at(600) });
    expect(p.seconds).toBe(0);
    expect(p.endsAt).toEqual(at(600));
    expect(p.binding).toBe("none");
    expect(p.bindingWords).toBe("nothing to send, so no ceiling applies");
    expect(p.blockedBy).toBeNull();
    expect(p.ceilings.every((c) => !c.binding)).toBe(true);
    expect(p.whatIf).toEqual([]);
    expect(p.timeline).toEqual([{ at: at(600), sent: 0 }]);
  });
});

describe("a quota already full", () => {
  it("waits for open chats to end before the first send", () => {
    // 600 open against 500, ending evenly over an hour (1/6 per second): nothing goes until 100 have ended (600 s), then
    // one send per ended chat: 250 take 1,500 s more.
    const p = plan({ recipients: 250, chatQuota: 500, openChats: 600 });
    expect(p.seconds).toBe(2_100);
    expect(p.timeline.filter((point) => point.at <= at(600)).every((point) => point.sent === 0)).toBe(true);
    expect(p.binding).toBe("chat-capacity");
  });

  it("then sends in the rhythm those chats ended", () => {
    // 500 are out by 3,600 s, all ours; they end from 4,200 s at 1/6 per second, so the next 500 are out at 7,200 s.
    expect(plan({ recipients: 1_000, chatQuota: 500, openChats: 600 }).seconds).toBe(7_200);
  });
});

describe("plans that cannot finish", () => {
  const cases: [string, Partial<PlanInput>, string, RegExp][] = [
    ["an account rate of 0", { accountRate: 0 }, "account-rate", /no StartOutboundChatContact calls/],
    ["a campaign rate of 0", { campaignRate: 0 }, "campaign-rate", /send rate is 0/],
    ["a number allowing 0 messages", { numberPerSecond: 0 }, "number-throughput", /0 messages per second/],
    ["a chat quota of 0", { chatQuota: 0 }, "chat-capacity", /no concurrent chats/],
    ["a WhatsApp limit of 0", { channel: "whatsapp", whatsappDailyLimit: 0 }, "whatsapp-daily-limit", /daily limit is 0/],
    ["windows all past", { windows: [{ start: at(-600), end: at(-60) }] }, "send-windows", /close with 3,600 recipients still to send/],
    ["windows closing too soon", { windows: [{ start: at(60), end: at(660) }] }, "send-windows", /close with 2,400 recipients still to send/],
    ["ten years of WhatsApp", { recipients: 1_000_000, channel: "whatsapp", whatsappDailyLimit: 250 }, "whatsapp-daily-limit", /more than 10 years/],
  ];
  for (const [name, over, kind, reason] of cases) {
    it(`says why with ${name}`, () => {
      const p = plan(over);
      expect(p.seconds).toBeNull();
      expect(p.endsAt).toBeNull();
      expect(p.blockedBy?.kind).toBe(kind);
      expect(p.blockedBy?.reason).toMatch(reason);
      expect(p.binding).toBe(kind);
      expect(p.bindingWords).toBe(`blocked: ${p.blockedBy?.reason}`);
      expectFinite(p);
    });
  }

  it("still says what would unblock it", () => {
    expect(plan({ windows: [{ start: at(60), end: at(660) }] }).whatIf).toEqual([{ label: "Without send windows", seconds: 1_800 }]);
    expect(plan({ accountRate: 0 }).whatIf).toEqual([{ label: "With an account rate of 1 starts/s", seconds: 3_600 }]);
  });
});

describe("bad input", () => {
  const cases: [string, Partial<PlanInput>, RegExp][] = [
    ["negative recipients", { recipients: -1 }, /^recipients: must be a finite number of 0 or more/],
    ["fractional recipients", { recipients: 1.5 }, /^recipients: must be a whole number/],
    ["an infinite rate", { accountRate: Infinity }, /^accountRate: must be a finite number/],
    ["a NaN quota", { chatQuota: NaN }, /^chatQuota: /],
    ["a lifetime of 0", { lifetime: { seconds: 0, source: "duration" } }, /^lifetime.seconds: must be a finite number above 0/],
    ["an unknown lifetime source", { lifetime: { seconds: 60, source: "guessed" as "stated" } }, /^lifetime.source: /],
    ["an invalid start", { startsAt: new Date("nope") }, /^startsAt: must be a valid date/],
    ["a window ending before it starts", { windows: [{ start: at(60), end: at(0) }] }, /^windows\[0\]: must end after it starts/],
    ["a negative chat age", { campaignOpenChatAges: [10, -5] }, /^campaignOpenChatAges\[1\]: /],
    ["prior sends in the future", { priorSendsLast24h: [{ at: at(60), count: 1 }] }, /^priorSendsLast24h\[0\].at: is after now/],
    ["an unknown channel", { channel: "fax" as "sms" }, /^channel: /],
  ];
  for (const [name, over, message] of cases) {
    it(`refuses ${name}`, () => {
      expect(() => plan(over)).toThrow(PlanInputError);
      expect(() => plan(over)).toThrow(message);
    });
  }
});
