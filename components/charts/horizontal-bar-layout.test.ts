// The failures chart at a phone's width and a desktop's: labels beside or over the bars, nothing past the edge.
import { describe, expect, it } from "vitest";
import { LABELS_ABOVE_BELOW_PX, horizontalBarLayout } from "./horizontal-bar-layout";
import { MONO_CHAR_PX, formatCount, textWidth } from "./scale";

const items = [
  { label: "InternalServiceException", value: 1234 },
  { label: "ThrottlingException", value: 310 },
  { label: "A very long error name that a custom flow might have made up for itself", value: 2 },
  { label: "Other errors", value: 1 },
];

function expectInside(width: number) {
  const g = horizontalBarLayout(items, width);
  for (const r of g.rows) {
    expect(r.bar.x).toBeGreaterThanOrEqual(0);
    expect(r.valueX + textWidth(formatCount(r.value))).toBeLessThanOrEqual(width);
    const labelW = textWidth(r.text, MONO_CHAR_PX);
    if (g.labelsAbove) expect(r.labelX + labelW).toBeLessThanOrEqual(width);
    else expect(r.labelX - labelW).toBeGreaterThanOrEqual(0);
  }
  for (const t of g.ticks) {
    expect(t.labelX - textWidth(t.text) / 2).toBeGreaterThanOrEqual(0);
    expect(t.labelX + textWidth(t.text) / 2).toBeLessThanOrEqual(width);
  }
  return g;
}

describe("horizontal bar layout", () => {
  it("puts labels over their bars in a phone's card, whole where they fit, cut with a tooltip where not", () => {
    // A 390 px screen leaves the card 316 px: 16 px of page padding, 1 px of border and 20 px of padding each side.
    const g = expectInside(316);
    expect(g.labelsAbove).toBe(true);
    expect(g.rows[0]).toMatchObject({ text: "InternalServiceException", truncated: false });
    expect(g.rows[2]!.truncated).toBe(true);
    expect(g.rows[2]!.text.endsWith("…")).toBe(true);
    expect(g.rows[2]!.label).toBe(items[2]!.label);
    // Each label's line sits between the previous bar and its own.
    for (let i = 1; i < g.rows.length; i++) expect(g.rows[i]!.labelY - 6).toBeGreaterThan(g.rows[i - 1]!.bar.y + g.rows[i - 1]!.bar.height);
    for (const r of g.rows) expect(r.labelY + 6).toBeLessThan(r.bar.y);
  });

  it("puts labels in a column beside the bars when there is room, at most 40 % of the width", () => {
    const g = expectInside(640);
    expect(g.labelsAbove).toBe(false);
    expect(g.plot.left).toBeLessThanOrEqual(640 * 0.4);
    expect(g.rows[0]!.truncated).toBe(false);
    expect(expectInside(LABELS_ABOVE_BELOW_PX).labelsAbove).toBe(false);
    expect(expectInside(1200).plot.left).toBeLessThanOrEqual(240);
  });

  it("draws the longest bar to the axis's round top and the others in proportion", () => {
    const g = horizontalBarLayout(items, 640);
    const span = g.plot.right - g.plot.left;
    expect(g.ticks.at(-1)!.x).toBeCloseTo(g.plot.right);
    expect(g.rows[0]!.bar.width / span).toBeCloseTo(1234 / Number(g.ticks.at(-1)!.text.replace(/,/g, "")));
    expect(g.rows[1]!.bar.width / g.rows[0]!.bar.width).toBeCloseTo(310 / 1234);
    // A single failure among thousands still shows.
    expect(g.rows[3]!.bar.width).toBeGreaterThanOrEqual(1);
  });

  it("grows with its rows so every bar keeps its height", () => {
    const one = horizontalBarLayout(items.slice(0, 1), 316).height;
    const four = horizontalBarLayout(items, 316).height;
    expect(four - one).toBe(3 * (horizontalBarLayout(items.slice(0, 2), 316).height - one));
    expect(horizontalBarLayout(items, 316).rows.every((r) => r.bar.height === 18)).toBe(true);
  });
});
