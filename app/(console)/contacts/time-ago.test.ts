import { describe, expect, it } from "vitest";
import { timeAgo } from "./time-ago";

const now = new Date("2026-03-01T12:00:00Z");
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("timeAgo", () => {
  it.each([
    [0, "just now"],
    [59, "just now"],
    [60, "1 min ago"],
    [59 * 60 + 59, "59 min ago"],
    [3600, "1 h ago"],
    [23 * 3600 + 3599, "23 h ago"],
    [86_400, "1 day ago"],
    [3 * 86_400 + 5, "3 days ago"],
  ])("%i seconds ago reads %s", (seconds, text) => {
    expect(timeAgo(before(seconds), now)).toBe(text);
  });

  it("treats a time slightly in the future (clock skew) as just now", () => {
    expect(timeAgo(new Date(now.getTime() + 5000), now)).toBe("just now");
  });
});
