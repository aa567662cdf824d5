// Time ticks on the round hours and midnights of the reader's zone, whatever zone the test machine is in.
import { describe, expect, it } from "vitest";
import { labelsFit, textWidth } from "./scale";
import { fitTimeTicks, timeTicks, zoneOffsetMs } from "./time-axis";

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const clock = (ms: number, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);

describe("zone offsets", () => {
  it("reads the zone's clock at the instant, summer time and half hours included", () => {
    expect(zoneOffsetMs(t("2026-12-01T12:00:00Z"), "UTC")).toBe(0);
    expect(zoneOffsetMs(t("2026-12-01T12:00:00Z"), "Europe/Berlin")).toBe(3_600_000);
    expect(zoneOffsetMs(t("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe(7_200_000);
    expect(zoneOffsetMs(t("2026-12-01T12:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(t("2026-12-01T12:00:30.250Z"), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
  });
});

describe("time ticks", () => {
  it("falls on round minutes of an hour", () => {
    const ticks = timeTicks(t("2026-12-07T10:00:00Z"), t("2026-12-07T11:00:00Z"), 4, "UTC");
    expect(ticks.map((x) => x.label)).toEqual(["10:00", "10:15", "10:30", "10:45", "11:00"]);
    expect(iso(ticks[1]!.ms)).toBe("2026-12-07T10:15:00.000Z");
  });

  it("falls on the reader's whole hours, not UTC's, in a zone half an hour off", () => {
    const ticks = timeTicks(t("2026-12-07T09:00:00Z"), t("2026-12-07T12:00:00Z"), 3, "Asia/Kolkata");
    expect(ticks.map((x) => [iso(x.ms), x.label])).toEqual([
      ["2026-12-07T09:30:00.000Z", "15:00"],
      ["2026-12-07T10:30:00.000Z", "16:00"],
      ["2026-12-07T11:30:00.000Z", "17:00"],
    ]);
  });

  it("says the date at the reader's midnight", () => {
    const ticks = timeTicks(t("2026-12-06T18:00:00Z"), t("2026-12-08T06:00:00Z"), 6, "Europe/Berlin");
    expect(ticks.map((x) => x.label)).toEqual(["7 Dec", "06:00", "12:00", "18:00", "8 Dec", "06:00"]);
    expect(iso(ticks[0]!.ms)).toBe("2026-12-06T23:00:00.000Z");
  });

  it("skips the hour summer time skips and labels every tick with the time it shows", () => {
    const zone = "Europe/Berlin";
    const ticks = timeTicks(t("2026-03-29T00:00:00Z"), t("2026-03-29T04:00:00Z"), 5, zone);
    expect(ticks.map((x) => x.label)).toEqual(["01:00", "03:00", "04:00", "05:00", "06:00"]);
    for (const x of ticks) expect(x.label).toBe(clock(x.ms, zone));
    // And the hour it repeats in autumn is one tick per instant, in order.
    const autumn = timeTicks(t("2026-10-24T23:00:00Z"), t("2026-10-25T03:00:00Z"), 5, zone);
    expect(autumn.map((x) => x.ms)).toEqual([...autumn.map((x) => x.ms)].sort((a, b) => a - b));
    for (const x of autumn) expect(x.label).toBe(clock(x.ms, zone));
  });

  it("names days, months and years when the steps are that long, and tenths of a second when that short", () => {
    expect(timeTicks(t("2026-12-01T00:00:00Z"), t("2026-12-05T00:00:00Z"), 4, "UTC").map((x) => x.label)).toEqual([
      "1 Dec",
      "2 Dec",
      "3 Dec",
      "4 Dec",
      "5 Dec",
    ]);
    expect(timeTicks(t("2026-01-15T00:00:00Z"), t("2026-07-15T00:00:00Z"), 3, "UTC").map((x) => x.label)).toEqual(["Apr 2026", "Jul 2026"]);
    expect(timeTicks(t("2024-06-01T00:00:00Z"), t("2027-06-01T00:00:00Z"), 3, "UTC").map((x) => x.label)).toEqual(["2025", "2026", "2027"]);
    expect(timeTicks(t("2026-12-07T10:00:00Z"), t("2026-12-07T10:00:02Z"), 4, "UTC").map((x) => x.label)).toEqual([
      "10:00:00.0",
      "10:00:00.5",
      "10:00:01.0",
      "10:00:01.5",
      "10:00:02.0",
    ]);
  });

  it("has nothing to tick without a span", () => {
    expect(timeTicks(5, 5, 4, "UTC")).toEqual([]);
  });
});

describe("fitting time ticks to a width", () => {
  const start = t("2026-12-06T18:00:00Z");
  const end = t("2026-12-08T06:00:00Z");
  const fits = (ticks: { ms: number; label: string }[], px: number) =>
    labelsFit(
      ticks.map((x) => ((x.ms - start) / (end - start)) * px),
      ticks.map((x) => textWidth(x.label)),
    );

  it("gives a phone-wide axis fewer ticks that never touch", () => {
    const narrow = fitTimeTicks(start, end, 250, "Europe/Berlin");
    const wide = fitTimeTicks(start, end, 900, "Europe/Berlin");
    expect(narrow.map((x) => x.label)).toEqual(["7 Dec", "12:00", "8 Dec"]);
    expect(wide.length).toBeGreaterThan(narrow.length);
    expect(fits(narrow, 250)).toBe(true);
    expect(fits(wide, 900)).toBe(true);
  });

  it("keeps at least one tick on an axis too short for two", () => {
    expect(fitTimeTicks(start, end, 30, "UTC")).toHaveLength(1);
  });
});
