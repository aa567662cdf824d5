import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration-words";

describe("durations in words", () => {
  it("gets coarser as the span grows", () => {
    const cases: [number, string][] = [
      [0, "0 s"],
      [45, "45 s"],
      [59.4, "59 s"],
      [59.6, "1 min"],
      [89, "1 min"],
      [45 * 60, "45 min"],
      [3_599, "1 h"],
      [5_400, "1 h 30 min"],
      [7_200, "2 h"],
      [9 * 3_600 + 59 * 60 + 50, "~10 h"],
      [9 * 3_600 + 50 * 60, "9 h 50 min"],
      [68_650, "~19 h"],
      [47 * 3_600, "~47 h"],
      [2 * 86_400, "2 d"],
      [3 * 86_400 + 4 * 3_600, "3 d 4 h"],
      [3 * 86_400 + 23.6 * 3_600, "4 d"],
      [782_600, "9 d 1 h"],
    ];
    for (const [seconds, words] of cases) expect(formatDuration(seconds), `${seconds} s`).toBe(words);
  });

  it("refuses what is not a duration", () => {
    for (const bad of [-1, NaN, Infinity]) expect(() => formatDuration(bad)).toThrow(RangeError);
  });
});
