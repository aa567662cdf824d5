import { describe, expect, it } from "vitest";
import { makeCampaignPlan, type CampaignPlan } from "@/lib/campaigns/campaign-plan";
import type { PlanInput } from "@/lib/planner/types";
import { approxDuration, changingWhatIfs, formatWhen, lifetimeSourceWords, paceWords, perHourWords, planHeadline, takesWords } from "./plan-words";

const now = new Date("2026-12-06T10:00:00Z");
const input: PlanInput = {
  now,
  recipients: 10_000,
  channel: "sms",
  accountRate: 2,
  chatQuota: 500,
  lifetime: { seconds: 3600, source: "duration" },
  numberType: "TOLL_FREE",
  numberCountry: "US",
};

describe("the end time", () => {
  it("is told in the reader's zone, with the weekday and a 24-hour clock", () => {
    const at = new Date("2026-12-07T04:12:00Z");
    expect(formatWhen(at, "Europe/Berlin", now)).toBe("Mon 7 Dec, 05:12");
    expect(formatWhen(at, "America/New_York", now)).toBe("Sun 6 Dec, 23:12");
    expect(formatWhen(at, "UTC", now)).toBe("Mon 7 Dec, 04:12");
  });

  it("adds the year only when it is not this year where the reader is", () => {
    expect(formatWhen(new Date("2027-01-02T08:00:00Z"), "UTC", now)).toBe("Sat 2 Jan 2027, 08:00");
    // Already 2027 in Tokyo at this instant, and so is the moment of planning: no year.
    expect(formatWhen(new Date("2027-01-01T01:00:00Z"), "Asia/Tokyo", new Date("2026-12-31T16:00:00Z"))).toBe("Fri 1 Jan, 10:00");
  });

  it("refuses a date that is not one", () => {
    expect(() => formatWhen(new Date("nonsense"), "UTC", now)).toThrow(/valid date/);
  });
});

describe("the plan's headline", () => {
  it("says how long sending takes and when it ends, naming the zone", () => {
    const plan = makeCampaignPlan(input);
    // 10,000 against 500 hour-long chats: about 19 hours from 10:00 UTC, so just past 05:00 UTC, 06:00 in Berlin.
    expect(planHeadline(plan, "Europe/Berlin")).toMatch(/^Sending takes ~19 h · ends Mon 7 Dec, 06:0\d \(Europe\/Berlin\)$/);
    expect(planHeadline(plan, "UTC")).toMatch(/^Sending takes ~19 h · ends Mon 7 Dec, 05:0\d \(UTC\)$/);
  });

  it("puts a later start first", () => {
    const plan = makeCampaignPlan({ ...input, recipients: 100, startsAt: new Date("2026-12-06T18:30:00Z") });
    expect(planHeadline(plan, "UTC")).toBe("Starts Sun 6 Dec, 18:30 · sending takes 50 s · ends Sun 6 Dec, 18:30 (UTC)");
  });

  it("has no duration for a plan that cannot finish", () => {
    const plan = makeCampaignPlan({ ...input, chatQuota: 0 });
    expect(plan.blockedBy).not.toBeNull();
    expect(planHeadline(plan, "UTC")).toBeNull();
  });
});

describe("durations", () => {
  it("reads short spans exactly and marks estimates once", () => {
    expect(takesWords(0.2)).toBe("under a second");
    expect(takesWords(2700)).toBe("45 min");
    expect(approxDuration(2700)).toBe("~45 min");
    expect(approxDuration(19 * 3600)).toBe("~19 h");
    expect(approxDuration(0)).toBe("under a second");
  });
});

describe("what would change the plan", () => {
  const plan = (seconds: number | null, whatIf: CampaignPlan["whatIf"]) => ({ seconds, whatIf });

  it("lists the what-ifs with another outcome, each with its duration", () => {
    expect(
      changingWhatIfs(
        plan(68_650, [
          { label: "If the flow ended chats after sending (~60 s)", seconds: 2700 },
          { label: "With a concurrent chat quota of 1,000", seconds: 32_900 },
        ]),
      ),
    ).toEqual([
      { label: "If the flow ended chats after sending (~60 s)", outcome: "45 min" },
      { label: "With a concurrent chat quota of 1,000", outcome: "9 h 8 min" },
    ]);
  });

  it("hides a what-if that changes nothing the reader would see", () => {
    expect(changingWhatIfs(plan(68_650, [{ label: "Same", seconds: 68_650 }]))).toEqual([]);
    // 19 h either way: seconds apart, no change in words.
    expect(changingWhatIfs(plan(68_650, [{ label: "Nearly the same", seconds: 68_700 }]))).toEqual([]);
    // Blocked either way.
    expect(changingWhatIfs(plan(null, [{ label: "Still blocked", seconds: null }]))).toEqual([]);
  });

  it("tells a what-if that would unblock the plan, or block it", () => {
    expect(changingWhatIfs(plan(null, [{ label: "At the next WhatsApp tier", seconds: 600 }]))).toEqual([
      { label: "At the next WhatsApp tier", outcome: "10 min" },
    ]);
    expect(changingWhatIfs(plan(600, [{ label: "Without send windows", seconds: null }]))).toEqual([
      { label: "Without send windows", outcome: "cannot finish" },
    ]);
  });

  it("comes from the planner's own what-ifs for a quota-bound campaign", () => {
    const lines = changingWhatIfs(makeCampaignPlan(input));
    expect(lines.map((l) => l.label)).toContain("If the flow ended chats after sending (~60 s)");
    expect(lines.find((l) => l.label.startsWith("If the flow ended"))?.outcome).toBe("1 h 23 min");
  });
});

describe("where the chat lifetime came from", () => {
  it("names the chat duration, the flow's past chats or the user's word", () => {
    expect(lifetimeSourceWords({ seconds: 3600, source: "duration" })).toBe("Each chat holds a slot for ~60 min: the chat duration.");
    expect(lifetimeSourceWords({ seconds: 31.4, source: "observed" })).toBe("Each chat holds a slot for ~31 s: how long this flow's recent chats lasted.");
    expect(lifetimeSourceWords({ seconds: 30, source: "stated" })).toBe("Each chat holds a slot for 30 s: you said the flow ends chats.");
    expect(lifetimeSourceWords({ seconds: 900, source: "stated" })).toBe("Each chat holds a slot for 15 min: you said the flow ends chats.");
  });
});

describe("the pace and the limits", () => {
  it("says which limit sets the pace, or that none does", () => {
    expect(paceWords(makeCampaignPlan(input))).toBe("Pace set by the chat capacity: 500 chats of ~60 min → ~500 recipients per hour");
    expect(paceWords(makeCampaignPlan({ ...input, recipients: 0 }))).toBe("Nothing to send, so no ceiling applies");
  });

  it("rounds hourly figures as the planner does and names an unlimited one", () => {
    expect(perHourWords(7200)).toBe("~7,200 per hour");
    expect(perHourWords(360_000)).toBe("~360,000 per hour");
    expect(perHourWords(Infinity)).toBe("no limit");
  });
});
