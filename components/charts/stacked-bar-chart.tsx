"use client";
// Bars over time stacked by series (e.g. sent / failed / skipped per minute), drawn at the card's real width with
// 12 px text: gridlines on round counts, time ticks in the reader's zone, a tooltip per segment, a legend, a summary
// for screen readers and the same numbers as a table.
import { ChartEmpty } from "./chart-empty";
import { MUTED_TEXT, ValueGridlines } from "./value-gridlines";
import { ChartFrame } from "./chart-frame";
import { formatCount } from "./scale";
import { STACKED_HEIGHT, stackedBarLayout, stackedTableRows, type StackSeries, type TimeBar } from "./stacked-bar-layout";

export type { StackSeries, TimeBar };

interface Props {
  title: string;
  /** One sentence for screen readers on what the bars add up to. */
  summary: string;
  series: StackSeries[];
  bars: TimeBar[];
  /** The zone the time axis speaks in. */
  timeZone: string;
  xLabel: string;
  yLabel: string;
  /** The table's first column, e.g. "Time (Europe/Berlin)". */
  barHeading: string;
  empty: React.ReactNode;
  testId: string;
}

const muted = MUTED_TEXT;

export function StackedBarChart({ title, summary, series, bars, timeZone, xLabel, yLabel, barHeading, empty, testId }: Props) {
  if (bars.length === 0) return <ChartEmpty testId={`${testId}-empty`}>{empty}</ChartEmpty>;
  const labelOf = new Map(series.map((s) => [s.key, s.label]));
  return (
    <ChartFrame
      title={title}
      summary={summary}
      height={() => STACKED_HEIGHT}
      above={yLabel}
      below={xLabel}
      legend={series}
      table={{
        caption: title,
        columns: [{ label: barHeading }, ...series.map((s) => ({ label: s.label, numeric: true })), { label: "Total", numeric: true }],
        rows: stackedTableRows(bars, series),
      }}
      testId={testId}
      draw={(width) => {
        const g = stackedBarLayout(bars, series, width, timeZone);
        return (
          <>
            <ValueGridlines ticks={g.yTicks} plot={g.plot} />
            {g.bars.map((bar, i) => (
              <g key={i} data-testid={`${testId}-bar`}>
                {bar.segments.map((s) => (
                  <rect key={s.key} x={s.x} y={s.y} width={s.width} height={s.height} style={{ fill: series.find((x) => x.key === s.key)?.color }}>
                    <title>{`${bar.label}: ${labelOf.get(s.key)} ${formatCount(s.value)}`}</title>
                  </rect>
                ))}
              </g>
            ))}
            <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} style={{ stroke: "var(--color-muted-foreground)" }} />
            {g.xTicks.map((t) => (
              <g key={t.x}>
                <line x1={t.x} x2={t.x} y1={g.plot.bottom} y2={g.plot.bottom + 4} style={{ stroke: "var(--color-muted-foreground)" }} />
                <text x={t.labelX} y={g.plot.bottom + 16} textAnchor="middle" className="tabular-nums" style={muted}>
                  {t.text}
                </text>
              </g>
            ))}
          </>
        );
      }}
    />
  );
}
