// Axis arithmetic shared by the charts: a round top value and evenly spaced ticks under it.

/** The smallest 1, 2 or 5 × 10^n at or above `n` (at least 1). */
function nice(n: number): number {
  if (!(n > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].find((m) => m * power >= n)! * power;
}

/**
 * A value axis for counts from 0 to at least `max`: a round whole step, about `count` of them, and the top on a step,
 * so gridlines fall on numbers like 0, 500, 1,000, 1,500.
 */
export function countAxis(max: number, count = 4): { top: number; ticks: number[] } {
  const step = nice(max / count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, ticks };
}

/** Indexes of at most `max` evenly spaced labels out of `n`, always the first and the last. */
export function labelIndexes(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const every = Math.ceil((n - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += every) out.push(i);
  // The last label would sit on top of the one before it.
  if (n - 1 - out.at(-1)! <= every / 2) out.pop();
  out.push(n - 1);
  return out;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
