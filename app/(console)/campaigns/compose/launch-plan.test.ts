import { describe, expect, it } from "vitest";
import { makeCampaignPlan } from "@/lib/campaigns/campaign-plan";
import type { PlanInput } from "@/lib/planner/types";
import { launchEndWords, launchPlan } from "./launch-plan";

const checkedAt = new Date("2026-12-06T10:00:00Z");
const input: PlanInput = {
  now: checkedAt,
  recipients: 20,
  channel: "sms",
  accountRate: 5,
  campaignRate: 1,
  chatQuota: 100,
  lifetime: { seconds: 3600, source: "duration" },
  numberType: "TOLL_FREE",
  numberCountry: "US",
};
// The stored check, as it came through JSON.
const stored = JSON.parse(JSON.stringify(makeCampaignPlan(input)));

describe("the launch dialog's plan", () => {
  it("plans from the moment the dialog opened, not from the check", () => {
    const opened = Date.parse("2026-12-08T15:00:00Z");
    const plan = launchPlan(stored, opened, null)!;
    expect(plan.startsAt).toBe("2026-12-08T15:00:00.000Z");
    expect(plan.endsAt).toBe("2026-12-08T15:00:20.000Z");
    expect(launchEndWords(plan, "UTC")).toBe("About 20 s later, Tue 8 Dec, 15:00 (UTC)");
  });

  it("plans for the start chosen, and from now when that start has passed or cannot be read", () => {
    const opened = Date.parse("2026-12-06T11:00:00Z");
    expect(launchPlan(stored, opened, "2026-12-07T09:30:00+01:00")!.startsAt).toBe("2026-12-07T08:30:00.000Z");
    expect(launchPlan(stored, opened, "2026-12-01T09:30:00Z")!.startsAt).toBe("2026-12-06T11:00:00.000Z");
    expect(launchPlan(stored, opened, "not a date")!.startsAt).toBe("2026-12-06T11:00:00.000Z");
  });

  it("has nothing to plan from a check made before plans existed", () => {
    expect(launchPlan(undefined, Date.now(), null)).toBeNull();
  });

  it("leaves a stored plan the planner no longer accepts to the check's own figure", () => {
    expect(launchPlan({ ...stored, input: { ...stored.input, chatQuota: -1 } }, Date.now(), null)).toBeNull();
  });

  it("reads long plans as estimates, and blocked ones by their reason", () => {
    const long = makeCampaignPlan({ ...input, recipients: 10_000, campaignRate: undefined, accountRate: 2, chatQuota: 500 });
    expect(launchEndWords(long, "Europe/Berlin")).toMatch(/^~19 h later, Mon 7 Dec, 06:0\d \(Europe\/Berlin\)$/);
    const blocked = makeCampaignPlan({ ...input, chatQuota: 0 });
    expect(launchEndWords(blocked, "UTC")).toBe("It cannot finish as things stand: the instance allows no concurrent chats (quota 0)");
    const one = makeCampaignPlan({ ...input, recipients: 1 });
    expect(launchEndWords(one, "UTC")).toBe("About 1 s later, Sun 6 Dec, 10:00 (UTC)");
    const none = makeCampaignPlan({ ...input, recipients: 0 });
    expect(launchEndWords(none, "UTC")).toBe("As soon as it starts, Sun 6 Dec, 10:00 (UTC)");
  });
});
