import { describe, expect, it } from "vitest";
import { campaignStartedAt, campaignStatusTone, campaignStatusWords } from "./status-words";

const counts = (over: Partial<{ sent: number; failed: number; skipped: number; total: number }> = {}) => ({
  sent: 10_000,
  failed: 0,
  skipped: 0,
  total: 10_000,
  ...over,
});

describe("campaignStatusWords", () => {
  it("says a completed campaign's failures and skips, and nothing more when all were sent", () => {
    expect(campaignStatusWords("completed", counts())).toBe("Completed");
    expect(campaignStatusWords("completed", counts({ sent: 9_995, failed: 5 }))).toBe("Completed · 5 failed");
    expect(campaignStatusWords("completed", counts({ sent: 8_677, failed: 1_320, skipped: 3 }))).toBe("Completed · 1,320 failed · 3 skipped");
    expect(campaignStatusWords("completed", counts({ sent: 9_997, skipped: 3 }))).toBe("Completed · 3 skipped");
    expect(campaignStatusTone("completed", counts({ failed: 5 }))).toBe("warning");
    expect(campaignStatusTone("completed", counts())).toBe("success");
  });

  it("says how many a cancelled campaign never sent, failed and skipped rows included", () => {
    expect(campaignStatusWords("cancelled", counts({ sent: 40, failed: 2, skipped: 58, total: 100 }))).toBe("Cancelled · 60 not sent");
    // Rows the cancel has not yet skipped were not sent either.
    expect(campaignStatusWords("cancelled", counts({ sent: 40, skipped: 10, total: 1_000_000 }))).toBe("Cancelled · 999,960 not sent");
    expect(campaignStatusWords("cancelled", counts({ sent: 5, total: 5 }))).toBe("Cancelled");
  });

  it("keeps the plain label for a campaign under way, and without counts", () => {
    expect(campaignStatusWords("running", counts({ failed: 3 }))).toBe("Running");
    expect(campaignStatusWords("scheduled", counts())).toBe("Scheduled");
    expect(campaignStatusWords("paused")).toBe("Paused");
    expect(campaignStatusWords("completed")).toBe("Completed");
  });
});

describe("campaignStartedAt", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const launchedAt = new Date("2026-05-01T09:00:00Z");

  it("is null until a campaign launched for later has started", () => {
    const later = new Date("2026-05-01T14:00:00Z");
    expect(campaignStartedAt({ status: "scheduled", launchedAt, scheduledAt: later }, now)).toBeNull();
    // Paused before its start: still not started.
    expect(campaignStartedAt({ status: "paused", launchedAt, scheduledAt: later }, now)).toBeNull();
    // Due, but the dispatcher has not moved it to running yet.
    expect(campaignStartedAt({ status: "scheduled", launchedAt, scheduledAt: launchedAt }, now)).toBeNull();
    expect(campaignStartedAt({ status: "draft", launchedAt: null, scheduledAt: null }, now)).toBeNull();
  });

  it("is the later of launch and the scheduled start once sending began", () => {
    const start = new Date("2026-05-01T10:00:00Z");
    expect(campaignStartedAt({ status: "running", launchedAt, scheduledAt: start }, now)).toEqual(start);
    expect(campaignStartedAt({ status: "completed", launchedAt, scheduledAt: launchedAt }, now)).toEqual(launchedAt);
    expect(campaignStartedAt({ status: "running", launchedAt, scheduledAt: null }, now)).toEqual(launchedAt);
  });
});
