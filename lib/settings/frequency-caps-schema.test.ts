// Caps at their boundaries: exactly N contacts in the window, a contact on the window's edge, in-flight sends, several
// rules at once, and what a campaign's choice adds or removes.
import { describe, expect, it } from "vitest";
import { capVerdict, frequencyCapsSchema, ruleWords, rulesForCampaign, type FrequencyCapRule } from "./frequency-caps-schema";

const H = 3_600_000;
const NOW = Date.parse("2026-12-06T12:00:00Z");
const perDay: FrequencyCapRule = { count: 1, windowHours: 24, whenCapped: "skip" };
const threePerWeek: FrequencyCapRule = { count: 3, windowHours: 168, whenCapped: "wait" };

describe("capVerdict", () => {
  it("allows N - 1 contacts in the window and caps at exactly N", () => {
    expect(capVerdict([threePerWeek], [NOW - 1 * H, NOW - 2 * H], 0, NOW)).toEqual({ capped: false });
    expect(capVerdict([threePerWeek], [NOW - 1 * H, NOW - 2 * H, NOW - 3 * H], 0, NOW)).toMatchObject({ capped: true, action: "wait" });
  });

  it("does not count a contact made exactly one window ago, and counts one a millisecond younger", () => {
    expect(capVerdict([perDay], [NOW - 24 * H], 0, NOW)).toEqual({ capped: false });
    expect(capVerdict([perDay], [NOW - 24 * H + 1], 0, NOW)).toEqual({ capped: true, action: "skip", untilMs: NOW + 1, rule: perDay });
  });

  it("waits until the oldest counted contact leaves the window, or as many as must leave", () => {
    const times = [NOW - 100 * H, NOW - 50 * H, NOW - 10 * H];
    expect(capVerdict([threePerWeek], times, 0, NOW)).toMatchObject({ untilMs: NOW - 100 * H + 168 * H });
    // Four in the window against three allowed: the two oldest must leave.
    expect(capVerdict([threePerWeek], [...times, NOW - 1 * H], 0, NOW)).toMatchObject({ untilMs: NOW - 50 * H + 168 * H });
  });

  it("counts sends in flight as contacts made now", () => {
    expect(capVerdict([perDay], [], 1, NOW)).toMatchObject({ capped: true, untilMs: NOW + 24 * H });
    expect(capVerdict([threePerWeek], [NOW - H], 1, NOW)).toEqual({ capped: false });
  });

  it("skips when any broken rule says skip, and otherwise waits for the rule that frees last", () => {
    const waitDay = { ...perDay, whenCapped: "wait" as const };
    const times = [NOW - 2 * H, NOW - 30 * H, NOW - 60 * H];
    expect(capVerdict([waitDay, threePerWeek], times, 0, NOW)).toMatchObject({ action: "wait", untilMs: NOW - 60 * H + 168 * H });
    expect(capVerdict([perDay, threePerWeek], times, 0, NOW)).toMatchObject({ action: "skip" });
    expect(capVerdict([], times, 5, NOW)).toEqual({ capped: false });
  });
});

describe("rules for a campaign", () => {
  it("applies the settings' rules and the campaign's own, and none to an exempt campaign", () => {
    const own = { count: 1, windowHours: 72, whenCapped: "skip" as const };
    expect(rulesForCampaign({ rules: [perDay] }, {})).toEqual([perDay]);
    expect(rulesForCampaign({ rules: [perDay] }, { frequencyCap: "default", frequencyCapRules: [own] })).toEqual([perDay, own]);
    expect(rulesForCampaign({ rules: [perDay] }, { frequencyCap: "exempt", frequencyCapRules: [own] })).toEqual([]);
  });

  it("describes rules in words", () => {
    expect(ruleWords(perDay)).toBe("at most 1 per day");
    expect(ruleWords(threePerWeek)).toBe("at most 3 per 7 days");
    expect(ruleWords({ count: 2, windowHours: 6 })).toBe("at most 2 per 6 hours");
  });
});

describe("frequencyCapsSchema", () => {
  it("reads form text, defaults to skip, and refuses bad counts, windows and a window given twice", () => {
    expect(frequencyCapsSchema.parse({ rules: [{ count: "1", windowHours: "24" }] })).toEqual({ rules: [perDay] });
    const bad = frequencyCapsSchema.safeParse({
      rules: [
        { count: 0, windowHours: 24 },
        { count: 1, windowHours: 0.5 },
        { count: 2, windowHours: 24, whenCapped: "later" },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["rules.0.count", "rules.1.windowHours", "rules.2.whenCapped"]));
    const twice = frequencyCapsSchema.safeParse({ rules: [perDay, { ...perDay, count: 2 }] });
    expect(twice.error!.issues[0]).toMatchObject({ path: ["rules", 1, "windowHours"], message: expect.stringMatching(/24 hours/) });
  });
});
