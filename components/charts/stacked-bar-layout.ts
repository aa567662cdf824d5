// Where everything of a stacked bar chart over time goes at a given pixel width: bars placed by their own start and
// end, a count axis with room for its widest number, and time ticks in the reader's zone that never touch.
import { scaleLinear, scaleUtc } from "d3-scale";
import { clampCentre, fitCountAxisY, formatCount, textWidth } from "./scale";
import { fitTimeTicks } from "./time-axis";

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface TimeBar {
  startMs: number;
  endMs: number;
  /** Names the bar in tooltips and the table, e.g. "Tue 7 Dec, 10:05–10:10". */
  label: string;
  values: Record<string, number>;
}

export interface StackedSegment {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface StackedBarLayout {
  bars: { label: string; segments: StackedSegment[] }[];
  yTicks: { y: number; text: string }[];
  xTicks: { x: number; labelX: number; text: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export const STACKED_HEIGHT = 220;
const TOP = 8;
const AXIS = 22;
const RIGHT = 8;
const MAX_BAR = 28;

export const barTotal = (bar: TimeBar, series: readonly StackSeries[]) => series.reduce((sum, s) => sum + (bar.values[s.key] ?? 0), 0);

/** The table of a stacked chart: one row per bar, a column per series and the total. */
export function stackedTableRows(bars: readonly TimeBar[], series: readonly StackSeries[]) {
  return bars.map((b) => ({
    key: String(b.startMs),
    cells: [b.label, ...series.map((s) => formatCount(b.values[s.key] ?? 0)), formatCount(barTotal(b, series))],
  }));
}

export function stackedBarLayout(bars: readonly TimeBar[], series: readonly StackSeries[], width: number, timeZone: string): StackedBarLayout {
  const bottom = STACKED_HEIGHT - AXIS;
  const axis = fitCountAxisY(Math.max(0, ...bars.map((b) => barTotal(b, series))), bottom - TOP);
  const left = Math.max(...axis.ticks.map((t) => textWidth(formatCount(t)))) + 10;
  const right = Math.max(left + 1, width - RIGHT);
  const y = scaleLinear().domain([0, axis.top]).range([bottom, TOP]);
  const startMs = bars[0]?.startMs ?? 0;
  const endMs = bars.at(-1)?.endMs ?? startMs + 1;
  const x = scaleUtc().domain([startMs, endMs]).range([left, right]);

  const drawn = bars.map((bar) => {
    const slot = x(bar.endMs) - x(bar.startMs);
    const w = Math.max(1, Math.min(MAX_BAR, slot * 0.8));
    const bx = x(bar.startMs) + (slot - w) / 2;
    let base = 0;
    const segments: StackedSegment[] = [];
    for (const s of series) {
      const v = bar.values[s.key] ?? 0;
      if (v <= 0) continue;
      const top = y(base + v);
      // Half a pixel at least, so a single recipient among thousands still shows.
      segments.push({ key: s.key, x: bx, y: top, width: w, height: Math.max(0.5, y(base) - top), value: v });
      base += v;
    }
    return { label: bar.label, segments };
  });

  const xTicks = fitTimeTicks(startMs, endMs, right - left, timeZone).map((t) => ({
    x: x(t.ms),
    labelX: clampCentre(x(t.ms), textWidth(t.label), width),
    text: t.label,
  }));
  return {
    bars: drawn,
    yTicks: axis.ticks.map((t) => ({ y: y(t), text: formatCount(t) })),
    xTicks,
    plot: { left, right, top: TOP, bottom },
  };
}
