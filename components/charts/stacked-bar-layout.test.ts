// The sends chart at a phone's width and a desktop's: bars where their time is, ticks that never touch, the table.
import { describe, expect, it } from "vitest";
import { labelsFit, textWidth } from "./scale";
import { STACKED_HEIGHT, stackedBarLayout, stackedTableRows, type StackSeries, type TimeBar } from "./stacked-bar-layout";

const series: StackSeries[] = [
  { key: "sent", label: "Sent", color: "var(--color-success)" },
  { key: "failed", label: "Failed", color: "var(--color-destructive)" },
];
const start = Date.parse("2026-12-07T09:00:00Z");
const bars = (n: number, minutes = 1): TimeBar[] =>
  Array.from({ length: n }, (_, i) => ({
    startMs: start + i * minutes * 60_000,
    endMs: start + (i + 1) * minutes * 60_000,
    label: `bar ${i}`,
    values: { sent: i * 10, failed: i % 3 },
  }));

describe("stacked bar layout", () => {
  it.each([316, 640, 1100])("keeps 90 bars, their ticks and labels inside %i px", (width) => {
    const g = stackedBarLayout(bars(90), series, width, "Europe/Berlin");
    for (const b of g.bars) {
      for (const s of b.segments) {
        expect(s.x).toBeGreaterThanOrEqual(g.plot.left);
        expect(s.x + s.width).toBeLessThanOrEqual(g.plot.right + 1e-9);
        expect(s.y).toBeGreaterThanOrEqual(g.plot.top - 1e-9);
        expect(s.y + s.height).toBeLessThanOrEqual(g.plot.bottom + 1e-9);
      }
    }
    expect(g.plot.bottom).toBeLessThan(STACKED_HEIGHT - 16);
    expect(g.xTicks.length).toBeGreaterThan(0);
    expect(
      labelsFit(
        g.xTicks.map((t) => t.labelX),
        g.xTicks.map((t) => textWidth(t.text)),
      ),
    ).toBe(true);
    for (const t of g.xTicks) {
      expect(t.labelX - textWidth(t.text) / 2).toBeGreaterThanOrEqual(0);
      expect(t.labelX + textWidth(t.text) / 2).toBeLessThanOrEqual(width);
    }
    // The widest count label fits left of the plot.
    for (const t of g.yTicks) expect(textWidth(t.text) + 6).toBeLessThanOrEqual(g.plot.left);
  });

  it("stacks each bar's series in order up to its total on a whole-number axis", () => {
    const g = stackedBarLayout(bars(5), series, 640, "UTC");
    const last = g.bars[4]!.segments;
    expect(last.map((s) => [s.key, s.value])).toEqual([
      ["sent", 40],
      ["failed", 1],
    ]);
    // Failed sits right on top of sent.
    expect(last[1]!.y + last[1]!.height).toBeCloseTo(last[0]!.y);
    expect(g.yTicks.map((t) => t.text)).toEqual(["0", "10", "20", "30", "40", "50"]);
    // A bar with nothing draws nothing.
    expect(g.bars[0]!.segments).toEqual([]);
  });

  it("places bars by their time, so a five-minute bucket is five times a minute's width away", () => {
    const g = stackedBarLayout(bars(3, 5), series, 640, "UTC");
    const x = g.bars.map((b) => b.segments[0]?.x ?? NaN);
    expect(x[2]! - x[1]!).toBeCloseTo((g.plot.right - g.plot.left) / 3);
    expect(g.xTicks.map((t) => t.text)).toContain("09:05");
  });

  it("puts the same numbers in the table, with a total per bar", () => {
    expect(stackedTableRows(bars(3), series)).toEqual([
      { key: String(start), cells: ["bar 0", "0", "0", "0"] },
      { key: String(start + 60_000), cells: ["bar 1", "10", "1", "11"] },
      { key: String(start + 120_000), cells: ["bar 2", "20", "2", "22"] },
    ]);
  });
});
