// When a campaign stops sending, and the composer's checks on the two settings that decide it.
import { describe, expect, it } from "vitest";
import { campaignDeadline, deadlineCause, recipientsPastDeadline, sendingBeganAt } from "./deadline";
import { campaignInputSchema } from "./schemas";

const at = (iso: string) => new Date(iso);

describe("campaignDeadline", () => {
  const launched = at("2026-03-10T09:00:00Z");

  it("is the end time alone, the start plus the maximum age alone, or the earlier of the two", () => {
    expect(campaignDeadline({}, launched)).toBeNull();
    expect(campaignDeadline({ endAt: "2026-03-10T17:00:00+01:00" }, launched)).toEqual(at("2026-03-10T16:00:00Z"));
    expect(campaignDeadline({ maxQueuedMinutes: 90 }, launched)).toEqual(at("2026-03-10T10:30:00Z"));
    expect(campaignDeadline({ endAt: "2026-03-10T10:00:00Z", maxQueuedMinutes: 90 }, launched)).toEqual(at("2026-03-10T10:00:00Z"));
    expect(campaignDeadline({ endAt: "2026-03-11T10:00:00Z", maxQueuedMinutes: 90 }, launched)).toEqual(at("2026-03-10T10:30:00Z"));
  });

  it("counts the maximum age from the scheduled start when that is after the launch, and not at all before launch", () => {
    const began = sendingBeganAt({ launchedAt: launched, scheduledAt: at("2026-03-12T08:00:00Z") });
    expect(began).toEqual(at("2026-03-12T08:00:00Z"));
    expect(campaignDeadline({ maxQueuedMinutes: 60 }, began)).toEqual(at("2026-03-12T09:00:00Z"));
    // Launched after its scheduled time (the schedule was in the past): sending began at launch.
    expect(sendingBeganAt({ launchedAt: launched, scheduledAt: at("2026-03-01T08:00:00Z") })).toEqual(launched);
    expect(sendingBeganAt({ launchedAt: null, scheduledAt: at("2026-03-12T08:00:00Z") })).toBeNull();
    expect(campaignDeadline({ maxQueuedMinutes: 60 }, null)).toBeNull();
    expect(campaignDeadline({ endAt: "2026-03-10T10:00:00Z", maxQueuedMinutes: 60 }, null)).toEqual(at("2026-03-10T10:00:00Z"));
  });

  it("says which setting ended sending", () => {
    expect(deadlineCause({ endAt: "2026-03-10T10:00:00Z", maxQueuedMinutes: 90 }, launched)).toBe("end time");
    expect(deadlineCause({ endAt: "2026-03-11T10:00:00Z", maxQueuedMinutes: 90 }, launched)).toBe("maximum age");
    expect(deadlineCause({}, launched)).toBeNull();
  });
});

describe("recipientsPastDeadline", () => {
  const timeline = [
    { at: "2026-03-10T09:00:00Z", sent: 0 },
    { at: "2026-03-10T10:00:00Z", sent: 600 },
    { at: "2026-03-10T11:00:00Z", sent: 1_000 },
  ];

  it("reads the plan's expected sends at the deadline", () => {
    expect(recipientsPastDeadline(timeline, 1_000, Date.parse("2026-03-10T12:00:00Z"))).toBe(0);
    expect(recipientsPastDeadline(timeline, 1_000, Date.parse("2026-03-10T11:00:00Z"))).toBe(0);
    expect(recipientsPastDeadline(timeline, 1_000, Date.parse("2026-03-10T10:00:00Z"))).toBe(400);
    expect(recipientsPastDeadline(timeline, 1_000, Date.parse("2026-03-10T10:30:00Z"))).toBe(200);
    expect(recipientsPastDeadline(timeline, 1_000, Date.parse("2026-03-10T08:00:00Z"))).toBe(1_000);
    expect(recipientsPastDeadline([], 0, Date.parse("2026-03-10T08:00:00Z"))).toBe(0);
  });
});

describe("campaign schema: end time and maximum age", () => {
  const base = {
    name: "Sale",
    instanceId: "instance-1",
    channel: "sms",
    sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/1",
    contactFlowId: "flow-1",
    message: { kind: "text", contentType: "text/plain", text: "Sale ends today" },
    recipients: { format: "paste", text: "+12065550100", mapping: { phoneColumn: "phone" } },
  };
  const issues = (extra: Record<string, unknown>) => {
    const parsed = campaignInputSchema.safeParse({ ...base, ...extra });
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();

  it("takes both as optional, empty fields as unset", () => {
    expect(issues({})).toEqual({});
    const parsed = campaignInputSchema.parse({ ...base, endAt: "", maxQueuedMinutes: "" });
    expect(parsed.endAt).toBeUndefined();
    expect(parsed.maxQueuedMinutes).toBeUndefined();
    expect(campaignInputSchema.parse({ ...base, endAt: inAnHour, maxQueuedMinutes: "120" })).toMatchObject({ endAt: inAnHour, maxQueuedMinutes: 120 });
  });

  it("refuses an end time that has passed, is not after the scheduled start, or is not a date", () => {
    expect(issues({ endAt: "2020-01-01T00:00:00Z" })).toEqual({ endAt: "The end time has passed: choose a later one" });
    expect(issues({ endAt: inAnHour, schedule: { mode: "at", at: new Date(Date.now() + 7_200_000).toISOString() } })).toEqual({
      endAt: "The end time must be after the scheduled start",
    });
    expect(issues({ endAt: "tomorrow" })).toEqual({ endAt: "Choose an end date and time" });
  });

  it("refuses a maximum age that is not whole minutes from 1 to 30 days", () => {
    expect(issues({ maxQueuedMinutes: 0 })).toEqual({ maxQueuedMinutes: "At least 1 minute" });
    expect(issues({ maxQueuedMinutes: 1.5 })).toEqual({ maxQueuedMinutes: "Use whole minutes" });
    expect(issues({ maxQueuedMinutes: 50_000 })).toEqual({ maxQueuedMinutes: "At most 43,200 minutes (30 days)" });
    expect(issues({ maxQueuedMinutes: "soon" })).toEqual({ maxQueuedMinutes: "Enter minutes" });
  });
});
