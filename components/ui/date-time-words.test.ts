import { describe, expect, it } from "vitest";
import { localWords, relativeWords, toInstant, utcWords } from "./date-time-words";

const at = new Date("2026-12-06T18:34:41.250Z");

describe("utcWords", () => {
  it("writes the instant in UTC, to the second or the minute", () => {
    expect(utcWords(at)).toBe("2026-12-06 18:34:41 UTC");
    expect(utcWords(at, false)).toBe("2026-12-06 18:34 UTC");
  });
});

describe("localWords", () => {
  it("writes the wall time of the viewer's zone, naming the zone", () => {
    expect(localWords(at, "America/Chicago")).toBe("Dec 6, 2026, 12:34 PM CST");
    expect(localWords(at, "UTC", { seconds: true })).toBe("Dec 6, 2026, 6:34:41 PM UTC");
  });

  it("leaves the year out only when it is the current year in that zone", () => {
    expect(localWords(at, "America/Chicago", { now: new Date("2026-01-02T00:00:00Z") })).toBe("Dec 6, 12:34 PM CST");
    expect(localWords(at, "America/Chicago", { now: new Date("2027-01-01T12:00:00Z") })).toBe("Dec 6, 2026, 12:34 PM CST");
    // One o'clock on New Year's morning in Tokyo is next year there, though still this year in UTC.
    const newYear = new Date("2026-12-31T16:00:00Z");
    expect(localWords(newYear, "Asia/Tokyo", { now: at })).toBe("Jan 1, 2027, 1:00 AM GMT+9");
  });
});

describe("relativeWords", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const ago = (s: number) => relativeWords(new Date(now.getTime() - s * 1000), now);
  it("says how long ago in the largest whole unit", () => {
    expect(ago(0)).toBe("just now");
    expect(ago(59)).toBe("just now");
    expect(ago(60)).toBe("1 min ago");
    expect(ago(3_599)).toBe("59 min ago");
    expect(ago(3_600)).toBe("1 h ago");
    expect(ago(23 * 3_600 + 3_599)).toBe("23 h ago");
    expect(ago(86_400)).toBe("1 day ago");
    expect(ago(3 * 86_400 + 5)).toBe("3 days ago");
  });
  it("treats a time a few seconds ahead (clock skew) as just now", () => {
    expect(ago(-5)).toBe("just now");
  });
  it("says how far ahead for a future time", () => {
    expect(ago(-30)).toBe("in under a minute");
    expect(ago(-120)).toBe("in 2 min");
    expect(ago(-7_200)).toBe("in 2 h");
  });
});

describe("toInstant", () => {
  it("takes a Date, an ISO string or epoch milliseconds, and refuses what is not a time", () => {
    expect(toInstant("2026-12-06T18:34:41.250Z")?.getTime()).toBe(at.getTime());
    expect(toInstant(at.getTime())?.toISOString()).toBe(at.toISOString());
    expect(toInstant(at)).toBe(at);
    expect(toInstant(null)).toBeNull();
    expect(toInstant("")).toBeNull();
    expect(toInstant("not a time")).toBeNull();
  });
});
