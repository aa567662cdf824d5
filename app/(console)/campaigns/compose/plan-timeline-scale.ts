// The arithmetic of the plan's chart: recipients sent so far against time, at the chart's real pixel size, with
// gridlines on round counts and time ticks in the reader's zone. Pure, so the scales are tested without drawing.
import { scaleLinear, scaleUtc } from "d3-scale";
import { clampCentre, fitCountAxisY, formatCount, textWidth } from "@/components/charts/scale";
import { fitTimeTicks } from "@/components/charts/time-axis";
import { formatWhen } from "./plan-words";

export interface TimelinePoint {
  at: string;
  sent: number;
}

export interface TimelineGeometry {
  /** SVG path of the cumulative line. */
  line: string;
  /** The same line closed down to the axis, for a light fill under it. */
  area: string;
  /** Gridlines: a round count, its height and its label. */
  ticks: { value: number; y: number; text: string }[];
  /** Time ticks along the bottom: where, where the label is centred so it stays inside, and what it says. */
  timeTicks: { x: number; labelX: number; text: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
  /** Where the line ends, to put the total beside it. */
  end: { x: number; y: number };
  startMs: number;
  endMs: number;
  total: number;
}

// Room over the plot for the total written above the line's end, and under it for the time labels.
const TOP = 22;
const BOTTOM = 22;
const RIGHT = 6;
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
export const formatCompact = (n: number) => compact.format(n);

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The line through the plan's points drawn `width` × `height` pixels; null when there is no span of time to draw
 * (nothing to send, all sent at once, a single point or an unreadable date).
 */
export function timelineGeometry(points: readonly TimelinePoint[], width: number, height: number, timeZone: string): TimelineGeometry | null {
  if (points.length < 2) return null;
  const times = points.map((p) => Date.parse(p.at));
  if (times.some(Number.isNaN)) return null;
  const startMs = times[0]!;
  const endMs = times[times.length - 1]!;
  if (!(endMs > startMs)) return null;
  const total = Math.max(...points.map((p) => p.sent));
  const bottom = height - BOTTOM;
  const axis = fitCountAxisY(total, bottom - TOP);
  const left = Math.max(...axis.ticks.map((t) => textWidth(formatCompact(t)))) + 10;
  const right = Math.max(left + 1, width - RIGHT);
  const xs = scaleUtc().domain([startMs, endMs]).range([left, right]);
  const ys = scaleLinear().domain([0, axis.top]).range([bottom, TOP]);
  const x = (ms: number) => r1(xs(ms));
  const y = (sent: number) => r1(ys(sent));
  const coords = points.map((p, i) => `${x(times[i]!)} ${y(p.sent)}`);
  const line = `M${coords.join(" L")}`;
  const base = y(0);
  return {
    line,
    area: `${line} L${x(endMs)} ${base} L${x(startMs)} ${base} Z`,
    ticks: axis.ticks.map((value) => ({ value, y: y(value), text: formatCompact(value) })),
    timeTicks: fitTimeTicks(startMs, endMs, right - left, timeZone).map((t) => ({
      x: x(t.ms),
      labelX: clampCentre(x(t.ms), textWidth(t.label), width),
      text: t.label,
    })),
    plot: { left, right, top: TOP, bottom },
    end: { x: x(endMs), y: y(points[points.length - 1]!.sent) },
    startMs,
    endMs,
    total,
  };
}

/** The first moment the plan has at least half the total sent; null when nothing is sent. */
export function halfwayAt(points: readonly TimelinePoint[]): string | null {
  const total = Math.max(0, ...points.map((p) => p.sent));
  if (total === 0) return null;
  return points.find((p) => p.sent >= total / 2)?.at ?? null;
}

/** The plan's points as the table under the chart: each moment in the reader's zone and the recipients sent by then. */
export function timelineTableRows(points: readonly TimelinePoint[], timeZone: string, now: Date): { key: string; cells: string[] }[] {
  return points.map((p, i) => ({ key: `${i}-${p.at}`, cells: [formatWhen(new Date(p.at), timeZone, now), formatCount(p.sent)] }));
}
