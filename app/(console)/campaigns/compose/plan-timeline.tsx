"use client";
// The plan's expected sends as a line: recipients sent so far from the start to the last send, with the start, the
// end and the total written on it. Inline SVG that scales with its container; one sentence for screen readers.
import { formatCount } from "@/components/charts/scale";
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { formatWhen } from "./plan-words";
import { halfwayAt, timelineGeometry, type ChartBox } from "./plan-timeline-scale";

// Narrow on purpose: the panel is a phone's width or a sidebar's, and the labels stay readable at either.
const BOX: ChartBox = { width: 360, height: 170, margin: { top: 22, right: 12, bottom: 32, left: 40 } };
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function PlanTimeline({ plan, timeZone }: { plan: CampaignPlan; timeZone: string }) {
  const g = timelineGeometry(plan.timeline, BOX);
  if (!g) return null;
  const now = new Date(plan.input.now);
  const when = (ms: number) => formatWhen(new Date(ms), timeZone, now);
  const half = halfwayAt(plan.timeline);
  const summary =
    `Expected recipients sent over time (${timeZone}): 0 at ${when(g.startMs)}, ` +
    `${half ? `half by ${when(Date.parse(half))}, ` : ""}all ${formatCount(g.total)} by ${when(g.endMs)}.`;
  const { top, left, right, bottom } = BOX.margin;
  const baseY = BOX.height - bottom;

  return (
    <figure className="grid gap-1" data-testid="plan-timeline">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="h-auto w-full" role="img" aria-label={summary}>
        {g.ticks.map((t) => (
          <g key={t.value}>
            <line x1={left} x2={BOX.width - right} y1={t.y} y2={t.y} className="stroke-border" />
            <text x={left - 6} y={t.y} dy="0.32em" textAnchor="end" fontSize="10" className="fill-muted-foreground">
              {compact.format(t.value)}
            </text>
          </g>
        ))}
        <path d={g.area} style={{ fill: "var(--color-primary)", fillOpacity: 0.08 }} />
        <path d={g.line} fill="none" strokeWidth="2" strokeLinejoin="round" style={{ stroke: "var(--color-primary)" }} />
        <line x1={left} x2={BOX.width - right} y1={baseY} y2={baseY} className="stroke-muted-foreground" />
        <circle cx={g.end.x} cy={g.end.y} r="3" style={{ fill: "var(--color-primary)" }} />
        <text x={0} y={10} textAnchor="start" fontSize="10" className="fill-foreground">
          Recipients sent
        </text>
        <text x={g.end.x} y={Math.max(top - 6, g.end.y - 7)} textAnchor="end" fontSize="10" className="fill-foreground font-medium">
          {formatCount(g.total)} sent
        </text>
        <text x={left} y={baseY + 14} textAnchor="start" fontSize="10" className="fill-muted-foreground">
          {when(g.startMs)}
        </text>
        <text x={BOX.width - right} y={baseY + 14} textAnchor="end" fontSize="10" className="fill-muted-foreground">
          {when(g.endMs)}
        </text>
        <text x={left + (BOX.width - left - right) / 2} y={BOX.height - 3} textAnchor="middle" fontSize="10" className="fill-foreground">
          Time ({timeZone})
        </text>
      </svg>
    </figure>
  );
}
