// The arithmetic of the plan's chart: recipients sent so far against time, scaled into an SVG box with gridlines on
// round counts. Pure, so the scales are tested without drawing.
import { countAxis } from "@/components/charts/scale";

export interface TimelinePoint {
  at: string;
  sent: number;
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface TimelineGeometry {
  /** SVG path of the cumulative line. */
  line: string;
  /** The same line closed down to the axis, for a light fill under it. */
  area: string;
  /** Gridlines: a round count and its height. */
  ticks: { value: number; y: number }[];
  /** Where the line ends, to put the total beside it. */
  end: { x: number; y: number };
  startMs: number;
  endMs: number;
  total: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The line through the plan's points; null when there is no span of time to draw (nothing to send, all sent at once,
 * a single point or an unreadable date).
 */
export function timelineGeometry(points: readonly TimelinePoint[], box: ChartBox): TimelineGeometry | null {
  if (points.length < 2) return null;
  const times = points.map((p) => Date.parse(p.at));
  if (times.some(Number.isNaN)) return null;
  const startMs = times[0]!;
  const endMs = times[times.length - 1]!;
  if (!(endMs > startMs)) return null;
  const total = Math.max(...points.map((p) => p.sent));
  const axis = countAxis(total);
  const { top, right, bottom, left } = box.margin;
  const plotW = box.width - left - right;
  const plotH = box.height - top - bottom;
  const x = (ms: number) => r1(left + ((ms - startMs) / (endMs - startMs)) * plotW);
  const y = (sent: number) => r1(top + plotH - (sent / axis.top) * plotH);
  const coords = points.map((p, i) => `${x(times[i]!)} ${y(p.sent)}`);
  const line = `M${coords.join(" L")}`;
  const base = y(0);
  return {
    line,
    area: `${line} L${x(endMs)} ${base} L${x(startMs)} ${base} Z`,
    ticks: axis.ticks.map((value) => ({ value, y: y(value) })),
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
