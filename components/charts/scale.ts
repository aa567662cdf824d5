// Count axes and label room for the charts. d3-scale picks the round steps; this module only decides how many ticks a
// given length of axis has room for, since every chart is drawn at its real pixel width with 12 px text.
import { scaleLinear } from "d3-scale";

/** Text size of every chart label, in CSS pixels: the SVG is never scaled, so this is the size on screen. */
export const FONT_PX = 12;
/**
 * Generous advance of one character at 12 px, so a measured label is never wider than its estimate: digits of the
 * system sans are about 6.7 px, capitals up to 8; a monospace character is 0.6 em.
 */
export const SANS_CHAR_PX = 7.2;
export const MONO_CHAR_PX = 7.4;
/** Space kept between two labels on one axis. */
export const LABEL_GAP_PX = 12;

export const formatCount = (n: number) => n.toLocaleString("en-US");

/** Estimated width of a single-line label. */
export const textWidth = (text: string, charPx = SANS_CHAR_PX) => Math.ceil(text.length * charPx);

/** A label cut to fit `maxPx` with an ellipsis, and whether it was cut (then the full text goes in a tooltip). */
export function truncate(text: string, maxPx: number, charPx = SANS_CHAR_PX): { text: string; truncated: boolean } {
  const fits = Math.floor(maxPx / charPx);
  if (text.length <= fits) return { text, truncated: false };
  if (fits <= 1) return { text: "…", truncated: true };
  return { text: `${text.slice(0, fits - 1).trimEnd()}…`, truncated: true };
}

/**
 * A count axis from 0 to a round top at or above `max`, with whole-number ticks only (a count of 2.5 recipients means
 * nothing): about `count` steps of 1, 2 or 5 × 10ⁿ, as d3 chooses them.
 */
export function countAxis(max: number, count = 4): { top: number; ticks: number[] } {
  const scale = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(Math.max(1, count));
  const top = scale.domain()[1]!;
  return { top, ticks: scale.ticks(Math.max(1, count)).filter(Number.isInteger) };
}

/** Whether centred labels at `positions` (in order) leave LABEL_GAP_PX between neighbours. */
export function labelsFit(positions: readonly number[], widths: readonly number[]): boolean {
  for (let i = 1; i < positions.length; i++) {
    if (Math.abs(positions[i]! - positions[i - 1]!) < (widths[i]! + widths[i - 1]!) / 2 + LABEL_GAP_PX) return false;
  }
  return true;
}

/**
 * The count axis with the most ticks whose labels fit side by side along `lengthPx` of horizontal axis: a phone-wide
 * chart gets two or three, a wide one up to six.
 */
export function fitCountAxisX(max: number, lengthPx: number, format: (n: number) => string = formatCount): { top: number; ticks: number[] } {
  for (let count = Math.min(6, Math.max(1, Math.floor(lengthPx / 60))); count > 1; count--) {
    const axis = countAxis(max, count);
    const at = axis.ticks.map((t) => (t / axis.top) * lengthPx);
    if (
      labelsFit(
        at,
        axis.ticks.map((t) => textWidth(format(t))),
      )
    )
      return axis;
  }
  return countAxis(max, 1);
}

/** The count axis for a vertical length: a tick every 36 px or more, between two and five of them. */
export function fitCountAxisY(max: number, lengthPx: number): { top: number; ticks: number[] } {
  return countAxis(max, Math.min(5, Math.max(2, Math.floor(lengthPx / 36))));
}

/** Where a centred label of `width` goes so it stays inside 0…`totalWidth` instead of being cut at the edge. */
export const clampCentre = (x: number, width: number, totalWidth: number) => Math.min(Math.max(x, width / 2), Math.max(width / 2, totalWidth - width / 2));
