// Where everything of a horizontal bar chart goes at a given pixel width. Wide: labels in a column left of the bars.
// Narrow (a phone's card): each label on its own line over its bar, so a long error name keeps most of its letters.
import { scaleLinear } from "d3-scale";
import { MONO_CHAR_PX, clampCentre, fitCountAxisX, formatCount, textWidth, truncate } from "./scale";

export interface BarItem {
  label: string;
  value: number;
}

export interface BarRow {
  /** The label as drawn, cut with an ellipsis when it did not fit. */
  text: string;
  /** The whole label, for the tooltip. */
  label: string;
  truncated: boolean;
  value: number;
  labelX: number;
  labelY: number;
  bar: { x: number; y: number; width: number; height: number };
  valueX: number;
  valueY: number;
}

export interface HorizontalBarLayout {
  height: number;
  labelsAbove: boolean;
  rows: BarRow[];
  ticks: { x: number; labelX: number; text: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** Below this width the labels go over their bars. */
export const LABELS_ABOVE_BELOW_PX = 440;
const TOP = 4;
const AXIS = 22;
const SIDE_ROW = 28;
const ABOVE_ROW = 40;
const BAR = 18;
const GAP = 8;

export function horizontalBarLayout(items: readonly BarItem[], width: number): HorizontalBarLayout {
  const labelsAbove = width < LABELS_ABOVE_BELOW_PX;
  const widest = Math.max(0, ...items.map((i) => textWidth(i.label, MONO_CHAR_PX)));
  const left = labelsAbove ? 0 : Math.min(widest + GAP, Math.floor(width * 0.4), 240);
  // Room for the widest count beside the longest bar.
  const right = Math.max(...items.map((i) => textWidth(formatCount(i.value))), 0) + GAP;
  const plotW = Math.max(1, width - left - right);
  const axis = fitCountAxisX(Math.max(0, ...items.map((i) => i.value)), plotW);
  const x = scaleLinear()
    .domain([0, axis.top])
    .range([left, left + plotW]);
  const row = labelsAbove ? ABOVE_ROW : SIDE_ROW;
  const bottom = TOP + items.length * row;

  const rows = items.map((item, i): BarRow => {
    const rowY = TOP + i * row;
    const barY = labelsAbove ? rowY + row - BAR - 5 : rowY + (row - BAR) / 2;
    const cut = truncate(item.label, labelsAbove ? width : left - GAP, MONO_CHAR_PX);
    const end = x(item.value);
    return {
      text: cut.text,
      label: item.label,
      truncated: cut.truncated,
      value: item.value,
      labelX: labelsAbove ? 0 : left - GAP,
      // Centred on the bar beside it, or on the line over it.
      labelY: labelsAbove ? rowY + 8 : barY + BAR / 2,
      bar: { x: left, y: barY, width: Math.max(1, end - left), height: BAR },
      valueX: end + 6,
      valueY: barY + BAR / 2,
    };
  });

  const ticks = axis.ticks.map((t) => {
    const text = formatCount(t);
    return { x: x(t), labelX: clampCentre(x(t), textWidth(text), width), text };
  });
  return { height: bottom + AXIS, labelsAbove, rows, ticks, plot: { left, right: left + plotW, top: TOP, bottom } };
}
