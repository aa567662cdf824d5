// Count axes from d3's round steps, and the room decisions that keep 12 px labels apart at any width.
import { describe, expect, it } from "vitest";
import { MONO_CHAR_PX, clampCentre, countAxis, fitCountAxisX, fitCountAxisY, formatCount, labelsFit, textWidth, truncate } from "./scale";

describe("count axes", () => {
  it("puts the top on a round step at or above the largest value, with whole-number ticks", () => {
    expect(countAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(1234)).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    expect(countAxis(100_001).top).toBeGreaterThanOrEqual(100_001);
    // Steps under one recipient are never ticks.
    expect(countAxis(1, 5)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it("gives a phone-wide axis fewer ticks than a wide one, and never labels that touch", () => {
    const narrow = fitCountAxisX(1_000_000, 150);
    const wide = fitCountAxisX(1_000_000, 600);
    expect(narrow.ticks).toEqual([0, 500_000, 1_000_000]);
    expect(wide.ticks.length).toBeGreaterThan(narrow.ticks.length);
    for (const [axis, px] of [
      [narrow, 150],
      [wide, 600],
    ] as const) {
      const at = axis.ticks.map((t) => (t / axis.top) * px);
      expect(
        labelsFit(
          at,
          axis.ticks.map((t) => textWidth(formatCount(t))),
        ),
      ).toBe(true);
    }
    // However narrow, the axis still runs from 0 to its top.
    const tiny = fitCountAxisX(7, 40);
    expect(tiny.ticks[0]).toBe(0);
    expect(tiny.ticks.at(-1)).toBe(tiny.top);
  });

  it("keeps vertical ticks 36 px apart or more, between two and five steps", () => {
    expect(fitCountAxisY(700, 128)).toEqual({ top: 800, ticks: [0, 200, 400, 600, 800] });
    expect(fitCountAxisY(700, 60).ticks.length).toBeLessThan(5);
  });
});

describe("labels", () => {
  it("cuts a label that does not fit with an ellipsis, and says so for the tooltip", () => {
    expect(truncate("InternalServiceException", 100, MONO_CHAR_PX)).toEqual({ text: "InternalServ…", truncated: true });
    expect(truncate("Throttling", 100, MONO_CHAR_PX)).toEqual({ text: "Throttling", truncated: false });
    expect(truncate("Throttling", 5)).toEqual({ text: "…", truncated: true });
    // No space before the ellipsis.
    expect(truncate("Other errors here", 7 * 7.2).text).toBe("Other…");
  });

  it("estimates a 12 px label at least as wide as it draws", () => {
    expect(textWidth("1,000")).toBeGreaterThanOrEqual(5 * 6.7);
    expect(textWidth("InternalServiceException", MONO_CHAR_PX)).toBeGreaterThanOrEqual(24 * 12 * 0.6);
  });

  it("moves a centred label in from the edges rather than cutting it", () => {
    expect(clampCentre(0, 20, 300)).toBe(10);
    expect(clampCentre(300, 20, 300)).toBe(290);
    expect(clampCentre(150, 20, 300)).toBe(150);
  });

  it("sees two labels as touching when their gap is under 12 px", () => {
    expect(labelsFit([0, 50], [30, 30])).toBe(true);
    expect(labelsFit([0, 41], [30, 30])).toBe(false);
  });
});
