import { describe, expect, it } from "vitest";
import { formatCount, formatDuration } from "./format";

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(7)).toBe("7");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [0.2, "1 s"],
    [45, "45 s"],
    [200, "3 min 20 s"],
    [3600, "1 h"],
    [7500, "2 h 5 min"],
    [97_200, "1 d 3 h"],
  ])("%s seconds read %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
