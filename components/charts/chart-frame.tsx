"use client";
// What every chart shares: one image for screen readers named by its title and summary, an SVG drawn at the measured
// pixel width (never scaled by a viewBox, so its 12 px text is 12 px on screen), axis titles as wrapping HTML, the
// legend, and the same numbers as a table.
import { ChartLegend, type LegendItem } from "./chart-legend";
import { ChartTable, type ChartTableData } from "./chart-table";
import { FONT_PX } from "./scale";
import { useElementWidth } from "./use-element-width";

interface Props {
  title: string;
  /** One or two sentences on what the chart shows, read out in place of the drawing. */
  summary: string;
  /** The drawing's height in pixels for a given width. */
  height: (width: number) => number;
  /** The SVG's contents at the measured width. */
  draw: (width: number) => React.ReactNode;
  /** Over the drawing, e.g. the count axis's title. */
  above?: React.ReactNode;
  /** Under the drawing, e.g. the time axis's title. */
  below?: React.ReactNode;
  legend?: LegendItem[];
  table: ChartTableData;
  testId: string;
}

// Before the first measurement (on the server, or a card that is not laid out yet) the box keeps a typical width's height.
const UNMEASURED_WIDTH = 480;

export function ChartFrame({ title, summary, height, draw, above, below, legend, table, testId }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const h = height(width ?? UNMEASURED_WIDTH);
  return (
    <figure className="grid min-w-0 gap-2" data-testid={testId}>
      <div role="img" aria-label={`${title}. ${summary}`} className="grid min-w-0 gap-1">
        {above ? <div className="text-xs text-muted-foreground">{above}</div> : null}
        {/* The SVG is positioned out of flow so its width never props the card open while the card narrows. */}
        <div ref={ref} className="relative min-w-0 overflow-hidden" style={{ height: h }}>
          {width ? (
            // Hidden as well as presentational: the image is the box around it, named by the summary, and one image only.
            <svg aria-hidden width={width} height={h} className="absolute inset-0 block" fontSize={FONT_PX} style={{ fill: "var(--color-foreground)" }}>
              {draw(width)}
            </svg>
          ) : null}
        </div>
        {below ? <div className="text-center text-xs text-muted-foreground">{below}</div> : null}
      </div>
      {legend ? <ChartLegend items={legend} testId={`${testId}-legend`} /> : null}
      <ChartTable table={table} testId={testId} />
    </figure>
  );
}
