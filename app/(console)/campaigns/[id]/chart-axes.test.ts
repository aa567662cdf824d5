// The campaign charts' axes: gridlines on round counts that reach the tallest bar, and time labels that never crowd.
import { describe, expect, it } from "vitest";
import { countAxis, labelIndexes } from "@/components/charts/scale";

describe("chart axes", () => {
  it("puts the top of the count axis on a round step at or above the largest value", () => {
    expect(countAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(1234)).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    expect(countAxis(100_000).top).toBeGreaterThanOrEqual(100_000);
  });

  it("labels at most the given number of bars, evenly, always the first and the last", () => {
    expect(labelIndexes(3, 7)).toEqual([0, 1, 2]);
    expect(labelIndexes(10, 6)).toEqual([0, 2, 4, 6, 9]);
    const many = labelIndexes(90, 7);
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many[0]).toBe(0);
    expect(many.at(-1)).toBe(89);
  });
});
