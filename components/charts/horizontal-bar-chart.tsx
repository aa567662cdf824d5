// Horizontal bars with their counts, one row per label (e.g. failures by error name), drawn as inline SVG with a title
// and summary for screen readers and a <title> tooltip per bar.
import { useId } from "react";
import { ChartEmpty } from "./chart-empty";
import { ChartLegend } from "./chart-legend";
import { countAxis, formatCount } from "./scale";

export interface BarItem {
  label: string;
  value: number;
}

interface Props {
  title: string;
  summary: string;
  items: BarItem[];
  /** What a bar counts, e.g. "failed recipients"; shown under the axis and in the legend. */
  valueLabel: string;
  /** What the rows are, e.g. "Error name"; shown over the labels. */
  labelAxis: string;
  color: string;
  empty: React.ReactNode;
  testId: string;
}

const W = 640;
const ROW = 26;
const M = { top: 22, right: 56, bottom: 36, left: 220 };
const MAX_LABEL = 34;

const shorten = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

export function HorizontalBarChart({ title, summary, items, valueLabel, labelAxis, color, empty, testId }: Props) {
  const id = useId();
  if (items.length === 0) return <ChartEmpty testId={`${testId}-empty`}>{empty}</ChartEmpty>;
  const plotW = W - M.left - M.right;
  const plotH = items.length * ROW;
  const H = M.top + plotH + M.bottom;
  const axis = countAxis(Math.max(...items.map((i) => i.value)));
  const x = (v: number) => M.left + (v / axis.top) * plotW;

  return (
    <figure className="grid gap-2" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <text x={M.left - 8} y={12} textAnchor="end" fontSize="11" className="fill-foreground">
          {labelAxis}
        </text>
        {axis.ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={M.top + plotH} className="stroke-border" />
            <text x={x(t)} y={M.top + plotH + 14} textAnchor="middle" fontSize="10" className="fill-muted-foreground">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {items.map((item, i) => {
          const rowY = M.top + i * ROW;
          return (
            <g key={item.label} data-testid={`${testId}-row`}>
              <title>{`${item.label}: ${formatCount(item.value)}`}</title>
              <text x={M.left - 8} y={rowY + ROW / 2} dy="0.32em" textAnchor="end" fontSize="11" className="fill-foreground font-mono">
                {shorten(item.label)}
              </text>
              <rect x={M.left} y={rowY + 4} width={Math.max(1, x(item.value) - M.left)} height={ROW - 8} rx="2" style={{ fill: color }} />
              <text x={x(item.value) + 6} y={rowY + ROW / 2} dy="0.32em" fontSize="11" className="fill-foreground tabular-nums">
                {formatCount(item.value)}
              </text>
            </g>
          );
        })}
        <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} className="stroke-muted-foreground" />
        <text x={M.left + plotW / 2} y={H - 4} textAnchor="middle" fontSize="11" className="fill-foreground">
          {valueLabel.charAt(0).toUpperCase() + valueLabel.slice(1)}
        </text>
      </svg>
      <ChartLegend items={[{ label: valueLabel.charAt(0).toUpperCase() + valueLabel.slice(1), color }]} testId={`${testId}-legend`} />
    </figure>
  );
}
