"use client";
// The plan's expected sends as a line: recipients sent so far from the start to the last send, drawn at the panel's
// real width (a phone's or a sidebar's) with 12 px text, time ticks in the reader's zone, the total written at the
// line's end, one sentence for screen readers and the points as a table.
import { MUTED_TEXT, ValueGridlines } from "@/components/charts/value-gridlines";
import { ChartFrame } from "@/components/charts/chart-frame";
import { formatCount } from "@/components/charts/scale";
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { formatWhen } from "./plan-words";
import { halfwayAt, timelineGeometry, timelineTableRows } from "./plan-timeline-scale";

const HEIGHT = 170;
const muted = MUTED_TEXT;
const primary = "var(--color-primary)";

export function PlanTimeline({ plan, timeZone }: { plan: CampaignPlan; timeZone: string }) {
  // Any width tells whether there is a span to draw; the real one comes with the measurement.
  const probe = timelineGeometry(plan.timeline, 480, HEIGHT, timeZone);
  if (!probe) return null;
  const now = new Date(plan.input.now);
  const when = (ms: number) => formatWhen(new Date(ms), timeZone, now);
  const half = halfwayAt(plan.timeline);
  const summary = `0 at ${when(probe.startMs)}, ${half ? `half by ${when(Date.parse(half))}, ` : ""}all ${formatCount(probe.total)} by ${when(probe.endMs)} (${timeZone}).`;

  return (
    <ChartFrame
      title="Expected recipients sent over time"
      summary={summary}
      height={() => HEIGHT}
      above="Recipients sent"
      below={`Time (${timeZone}): ${when(probe.startMs)} to ${when(probe.endMs)}`}
      table={{
        caption: "Expected recipients sent over time",
        columns: [{ label: `Time (${timeZone})` }, { label: "Recipients sent", numeric: true }],
        rows: timelineTableRows(plan.timeline, timeZone, now),
      }}
      testId="plan-timeline"
      draw={(width) => {
        const g = timelineGeometry(plan.timeline, width, HEIGHT, timeZone)!;
        return (
          <>
            <ValueGridlines ticks={g.ticks} plot={g.plot} />
            <path d={g.area} style={{ fill: primary, fillOpacity: 0.08 }} />
            <path d={g.line} fill="none" strokeWidth="2" strokeLinejoin="round" style={{ stroke: primary }} />
            <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} style={{ stroke: "var(--color-muted-foreground)" }} />
            {g.timeTicks.map((t) => (
              <g key={t.x}>
                <line x1={t.x} x2={t.x} y1={g.plot.bottom} y2={g.plot.bottom + 4} style={{ stroke: "var(--color-muted-foreground)" }} />
                <text x={t.labelX} y={g.plot.bottom + 16} textAnchor="middle" className="tabular-nums" style={muted}>
                  {t.text}
                </text>
              </g>
            ))}
            <circle cx={g.end.x} cy={g.end.y} r="3" style={{ fill: primary }} />
            {/* Above and left of the end: the line only rises towards it, so the space there is clear. */}
            <text x={g.end.x - 4} y={Math.max(13, g.end.y - 8)} textAnchor="end" className="font-medium tabular-nums">
              {formatCount(g.total)} sent
            </text>
          </>
        );
      }}
    />
  );
}
