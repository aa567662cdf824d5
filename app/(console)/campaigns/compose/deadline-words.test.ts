import { describe, expect, it } from "vitest";
import { makeCampaignPlan } from "@/lib/campaigns/campaign-plan";
import type { PlanInput } from "@/lib/planner/types";
import { deadlineWarning } from "./deadline-words";

// 1,000 recipients at 1 a second: sending runs from 10:00:00 to 10:16:40.
const input: PlanInput = {
  now: new Date("2026-12-06T10:00:00Z"),
  recipients: 1_000,
  channel: "sms",
  accountRate: 5,
  campaignRate: 1,
  chatQuota: 100_000,
  lifetime: { seconds: 60, source: "stated" },
  numberType: "TOLL_FREE",
  numberCountry: "US",
};
const plan = JSON.parse(JSON.stringify(makeCampaignPlan(input)));

describe("the deadline warning beside a plan", () => {
  it("says how many recipients the pace leaves past the end time", () => {
    expect(plan.endsAt).toBe("2026-12-06T10:16:40.000Z");
    expect(deadlineWarning(plan, { endAt: "2026-12-06T10:10:00Z" }, "UTC")).toBe(
      "At the planned pace about 400 of 1,000 recipients will not be reached before the end time, Sun 6 Dec, 10:10 (UTC): they will be skipped as expired.",
    );
  });

  it("counts the maximum age from the plan's start, and the earlier deadline wins", () => {
    expect(deadlineWarning(plan, { maxQueuedMinutes: 15 }, "UTC")).toMatch(
      /^At the planned pace about 100 of 1,000 recipients will not be reached within 15 minutes of the start/,
    );
    expect(deadlineWarning(plan, { endAt: "2026-12-06T10:10:00Z", maxQueuedMinutes: 15 }, "UTC")).toMatch(/about 400 of 1,000 .* before the end time/);
  });

  it("says nothing when everyone is reached in time or no deadline is set", () => {
    expect(deadlineWarning(plan, { endAt: "2026-12-06T11:00:00Z" }, "UTC")).toBeNull();
    expect(deadlineWarning(plan, { maxQueuedMinutes: 60 }, "UTC")).toBeNull();
    expect(deadlineWarning(plan, {}, "UTC")).toBeNull();
  });
});
