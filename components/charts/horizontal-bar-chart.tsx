"use client";
// Horizontal bars with their counts, one row per label (e.g. failures by error name), drawn at the card's real width
// with 12 px text; a tooltip per bar, a summary for screen readers and the same numbers as a table.
import { ChartEmpty } from "./chart-empty";
import { ChartFrame } from "./chart-frame";
import { horizontalBarLayout, type BarItem } from "./horizontal-bar-layout";
import { formatCount } from "./scale";

export type { BarItem };

interface Props {
  title: string;
  summary: string;
  items: BarItem[];
  /** What a bar counts, e.g. "failed recipients"; shown under the axis, in the legend and over the table's counts. */
  valueLabel: string;
  /** What the rows are, e.g. "Error name"; shown over the labels and the table's first column. */
  labelAxis: string;
  color: string;
  empty: React.ReactNode;
  testId: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const muted = { fill: "var(--color-muted-foreground)" };

export function HorizontalBarChart({ title, summary, items, valueLabel, labelAxis, color, empty, testId }: Props) {
  if (items.length === 0) return <ChartEmpty testId={`${testId}-empty`}>{empty}</ChartEmpty>;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      height={(w) => horizontalBarLayout(items, w).height}
      above={labelAxis}
      below={capital(valueLabel)}
      legend={[{ label: capital(valueLabel), color }]}
      table={{
        caption: title,
        columns: [{ label: labelAxis }, { label: capital(valueLabel), numeric: true }],
        rows: items.map((i) => ({ key: i.label, cells: [i.label, formatCount(i.value)] })),
      }}
      testId={testId}
      draw={(width) => {
        const g = horizontalBarLayout(items, width);
        return (
          <>
            {g.ticks.map((t) => (
              <g key={t.text}>
                <line x1={t.x} x2={t.x} y1={g.plot.top} y2={g.plot.bottom} style={{ stroke: "var(--color-border)" }} />
                <text x={t.labelX} y={g.plot.bottom + 15} textAnchor="middle" className="tabular-nums" style={muted}>
                  {t.text}
                </text>
              </g>
            ))}
            {g.rows.map((r) => (
              <g key={r.label} data-testid={`${testId}-row`}>
                <title>{`${r.label}: ${formatCount(r.value)}`}</title>
                <text
                  x={r.labelX}
                  y={r.labelY}
                  dy="0.35em"
                  textAnchor={g.labelsAbove ? "start" : "end"}
                  className="font-mono"
                  // Over the gridlines the label keeps a rim of the card's colour, so a line never runs through it.
                  style={{ paintOrder: "stroke", stroke: "var(--color-card)", strokeWidth: 3, strokeLinejoin: "round" }}
                >
                  {r.text}
                </text>
                <rect x={r.bar.x} y={r.bar.y} width={r.bar.width} height={r.bar.height} rx="2" style={{ fill: color }} />
                <text x={r.valueX} y={r.valueY} dy="0.35em" className="tabular-nums">
                  {formatCount(r.value)}
                </text>
              </g>
            ))}
            <line x1={g.plot.left} x2={g.plot.left} y1={g.plot.top} y2={g.plot.bottom} style={{ stroke: "var(--color-muted-foreground)" }} />
          </>
        );
      }}
    />
  );
}
