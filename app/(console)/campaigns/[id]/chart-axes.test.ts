// What the campaign charts and their tables say: buckets named in the reader's zone, sums in the summaries, and the
// same numbers in the table as in the bars.
import { describe, expect, it } from "vitest";
import { stackedTableRows } from "@/components/charts/stacked-bar-layout";
import type { CampaignActivity } from "@/lib/campaigns/activity";
import { OUTCOMES, bucketLabel, bucketWidth, failureItems, failuresSummary, sendBars, sendsSummary } from "./activity-chart-data";

const now = new Date("2026-12-07T12:00:00Z");
const ms = (iso: string) => Date.parse(iso);

const activity: CampaignActivity = {
  bucketMinutes: 5,
  sends: [
    { at: "2026-12-07T10:05:00.000Z", sent: 40, failed: 2, skipped: 1 },
    { at: "2026-12-07T10:10:00.000Z", sent: 0, failed: 0, skipped: 0 },
    { at: "2026-12-07T10:15:00.000Z", sent: 1200, failed: 0, skipped: 3 },
  ],
  failures: [
    { name: "InternalServiceException", count: 2 },
    { name: "ThrottlingException", count: 1 },
  ],
  otherFailures: 4,
};

describe("bucket words", () => {
  it("says a bucket's width after 'per'", () => {
    expect([1, 5, 60, 120, 1440, 10_080].map(bucketWidth)).toEqual(["minute", "5 minutes", "hour", "2 hours", "day", "7 days"]);
  });

  it("names a bucket in the reader's zone, the end's date only when it changes", () => {
    expect(bucketLabel(ms("2026-12-07T10:05:00Z"), ms("2026-12-07T10:10:00Z"), "UTC", now)).toBe("Mon 7 Dec, 10:05–10:10");
    expect(bucketLabel(ms("2026-12-07T10:05:00Z"), ms("2026-12-07T10:10:00Z"), "Europe/Berlin", now)).toBe("Mon 7 Dec, 11:05–11:10");
    expect(bucketLabel(ms("2026-12-07T22:00:00Z"), ms("2026-12-08T04:00:00Z"), "UTC", now)).toBe("Mon 7 Dec, 22:00–Tue 8 Dec, 04:00");
    // The year joins for another year than now's.
    expect(bucketLabel(ms("2025-12-07T10:05:00Z"), ms("2025-12-07T10:10:00Z"), "UTC", now)).toBe("Sun 7 Dec 2025, 10:05–10:10");
  });

  it("names whole days as days where they run midnight to midnight, and as times where they do not", () => {
    const day = [ms("2026-12-07T00:00:00Z"), ms("2026-12-08T00:00:00Z")] as const;
    expect(bucketLabel(...day, "UTC", now)).toBe("Mon 7 Dec");
    expect(bucketLabel(ms("2026-12-07T00:00:00Z"), ms("2026-12-14T00:00:00Z"), "UTC", now)).toBe("Mon 7 Dec to Sun 13 Dec");
    expect(bucketLabel(...day, "Europe/Berlin", now)).toBe("Mon 7 Dec, 01:00–Tue 8 Dec, 01:00");
  });
});

describe("the sends chart", () => {
  it("draws one bar per bucket, from its start to its end, named in the reader's zone", () => {
    const bars = sendBars(activity, "Europe/Berlin", now);
    expect(bars).toHaveLength(3);
    expect(bars[0]).toEqual({
      startMs: ms("2026-12-07T10:05:00Z"),
      endMs: ms("2026-12-07T10:10:00Z"),
      label: "Mon 7 Dec, 11:05–11:10",
      values: { sent: 40, failed: 2, skipped: 1 },
    });
  });

  it("sums every outcome in its summary and says where it starts and in how many bars", () => {
    expect(sendsSummary(activity, "Europe/Berlin", now)).toBe(
      "1,240 sent, 2 failed and 4 skipped, from Mon 7 Dec, 11:05 (Europe/Berlin) in 3 bars of 5 minutes.",
    );
    expect(sendsSummary({ ...activity, bucketMinutes: 60, sends: activity.sends.slice(0, 1) }, "UTC", now)).toBe(
      "40 sent, 2 failed and 1 skipped, from Mon 7 Dec, 10:05 (UTC) in 1 bar of 1 hour.",
    );
    expect(sendsSummary({ ...activity, sends: [] }, "UTC", now)).toBe("0 sent, 0 failed and 0 skipped.");
  });

  it("tables the same numbers, empty buckets included, with each bucket's total", () => {
    expect(stackedTableRows(sendBars(activity, "UTC", now), OUTCOMES).map((r) => r.cells)).toEqual([
      ["Mon 7 Dec, 10:05–10:10", "40", "2", "1", "43"],
      ["Mon 7 Dec, 10:10–10:15", "0", "0", "0", "0"],
      ["Mon 7 Dec, 10:15–10:20", "1,200", "0", "3", "1,203"],
    ]);
  });
});

describe("the failures chart", () => {
  it("lists errors by name and the rest as other errors, and sums them in its summary", () => {
    const items = failureItems(activity);
    expect(items).toEqual([
      { label: "InternalServiceException", value: 2 },
      { label: "ThrottlingException", value: 1 },
      { label: "Other errors", value: 4 },
    ]);
    expect(failuresSummary(items)).toBe("7 recipients failed: InternalServiceException 2, ThrottlingException 1, Other errors 4.");
    expect(failuresSummary(failureItems({ ...activity, failures: [{ name: "X", count: 1 }], otherFailures: 0 }))).toBe("1 recipient failed: X 1.");
  });

  it("never says 'error name' where a locator of the recipients filter's field could find it", () => {
    expect(failuresSummary(failureItems(activity)).toLowerCase()).not.toContain("error name");
  });
});
