// Vertical bars stacked by series (e.g. sent / failed / skipped per minute), drawn as inline SVG: a title and summary
// for screen readers, gridlines on round counts, a <title> tooltip per segment, and a legend.
import { useId } from "react";
import { ChartEmpty } from "./chart-empty";
import { ChartLegend } from "./chart-legend";
import { countAxis, formatCount, labelIndexes } from "./scale";

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackedBar {
  /** Short axis label, e.g. "10:05". */
  tick: string;
  /** Full label for tooltips, e.g. "2026-05-04 10:05–10:06 UTC". */
  label: string;
  values: Record<string, number>;
}

interface Props {
  title: string;
  /** One sentence for screen readers on what the bars add up to. */
  summary: string;
  series: StackSeries[];
  bars: StackedBar[];
  xLabel: string;
  yLabel: string;
  empty: React.ReactNode;
  testId: string;
}

const W = 640;
const H = 240;
const M = { top: 10, right: 8, bottom: 42, left: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

export function StackedBarChart({ title, summary, series, bars, xLabel, yLabel, empty, testId }: Props) {
  const id = useId();
  if (bars.length === 0) return <ChartEmpty testId={`${testId}-empty`}>{empty}</ChartEmpty>;
  const totals = bars.map((b) => series.reduce((sum, s) => sum + (b.values[s.key] ?? 0), 0));
  const axis = countAxis(Math.max(...totals));
  const y = (v: number) => M.top + PLOT_H - (v / axis.top) * PLOT_H;
  const slot = PLOT_W / bars.length;
  const barW = Math.max(1, Math.min(28, slot * 0.8));

  return (
    <figure className="grid gap-2" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-border" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="10" className="fill-muted-foreground">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = M.left + i * slot + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={i} data-testid={`${testId}-bar`}>
              {series.map((s) => {
                const v = bar.values[s.key] ?? 0;
                if (v === 0) return null;
                const top = y(base + v);
                const height = y(base) - top;
                base += v;
                return (
                  <rect key={s.key} x={x} y={top} width={barW} height={Math.max(height, 0.5)} style={{ fill: s.color }}>
                    <title>{`${bar.label}: ${s.label} ${formatCount(v)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} className="stroke-muted-foreground" />
        {labelIndexes(bars.length, 7).map((i) => (
          <text key={i} x={M.left + i * slot + slot / 2} y={M.top + PLOT_H + 14} textAnchor="middle" fontSize="10" className="fill-muted-foreground">
            {bars[i]!.tick}
          </text>
        ))}
        <text x={M.left + PLOT_W / 2} y={H - 4} textAnchor="middle" fontSize="11" className="fill-foreground">
          {xLabel}
        </text>
        <text transform={`translate(12 ${M.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" fontSize="11" className="fill-foreground">
          {yLabel}
        </text>
      </svg>
      <ChartLegend items={series} testId={`${testId}-legend`} />
    </figure>
  );
}
