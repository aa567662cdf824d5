import { describe, expect, it } from "vitest";
import { isoToLocalInput, localInputToIso, zoneOffsetMinutes } from "./schedule";

describe("localInputToIso", () => {
  it("adds the zone's offset for that date", () => {
    expect(localInputToIso("2025-07-01T09:30", "Europe/Berlin")).toBe("2025-07-01T09:30:00+02:00");
    expect(localInputToIso("2025-01-15T09:30", "Europe/Berlin")).toBe("2025-01-15T09:30:00+01:00");
    expect(localInputToIso("2025-01-15T09:30", "America/New_York")).toBe("2025-01-15T09:30:00-05:00");
    expect(localInputToIso("2025-01-15T09:30", "Asia/Kolkata")).toBe("2025-01-15T09:30:00+05:30");
    expect(localInputToIso("2025-01-15T09:30", "UTC")).toBe("2025-01-15T09:30:00+00:00");
  });

  it("keeps the instant right around a daylight-saving change", () => {
    // 01:30 on the night New York springs forward is still EST; 03:30 is EDT.
    expect(localInputToIso("2025-03-09T01:30", "America/New_York")).toBe("2025-03-09T01:30:00-05:00");
    expect(localInputToIso("2025-03-09T03:30", "America/New_York")).toBe("2025-03-09T03:30:00-04:00");
  });

  it("gives an instant that Date reads back to the same moment", () => {
    const iso = localInputToIso("2025-11-02T12:00", "Australia/Sydney")!;
    expect(new Date(iso).toISOString()).toBe("2025-11-02T01:00:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    expect(localInputToIso("", "UTC")).toBeNull();
    expect(localInputToIso("tomorrow", "UTC")).toBeNull();
  });
});

describe("isoToLocalInput", () => {
  it("shows an instant as wall-clock time in the zone", () => {
    expect(isoToLocalInput("2025-07-01T07:30:00Z", "Europe/Berlin")).toBe("2025-07-01T09:30");
    expect(isoToLocalInput("2025-07-01T09:30:00+02:00", "America/New_York")).toBe("2025-07-01T03:30");
  });
  it("round-trips with localInputToIso", () => {
    expect(isoToLocalInput(localInputToIso("2025-12-24T18:45", "Asia/Tokyo")!, "Asia/Tokyo")).toBe("2025-12-24T18:45");
  });
  it("is empty for an unreadable value", () => {
    expect(isoToLocalInput("", "UTC")).toBe("");
  });
});

describe("zoneOffsetMinutes", () => {
  it("is negative west of Greenwich", () => {
    expect(zoneOffsetMinutes(Date.UTC(2025, 0, 1), "America/Los_Angeles")).toBe(-480);
  });
});
