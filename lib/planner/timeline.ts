// A chart's worth of the run: recipients sent at evenly spaced moments from the start to the end.

export const TIMELINE_POINTS = 60;

/**
 * `times` (seconds from now, ascending) and `sent` are the run's own points; between two of them the rate was constant,
 * so straight lines between them are exact (or, across a skipped stretch of waves, their average).
 */
export function sampleTimeline(times: readonly number[], sent: readonly number[], nowMs: number, from: number, to: number): { at: Date; sent: number }[] {
  const at = (t: number) => new Date(nowMs + Math.round(t * 1000));
  if (!(to > from)) return [{ at: at(from), sent: sent[sent.length - 1] ?? 0 }];
  const points: { at: Date; sent: number }[] = [];
  let j = 0;
  for (let i = 0; i < TIMELINE_POINTS; i++) {
    const t = from + ((to - from) * i) / (TIMELINE_POINTS - 1);
    while (j < times.length - 1 && times[j + 1]! < t) j++;
    const t0 = times[j] ?? from;
    const t1 = times[j + 1] ?? t0;
    const s0 = sent[j] ?? 0;
    const s1 = sent[j + 1] ?? s0;
    const value = t1 > t0 && t > t0 ? s0 + (s1 - s0) * Math.min(1, (t - t0) / (t1 - t0)) : t >= t1 ? s1 : s0;
    points.push({ at: at(t), sent: Math.round(value) });
  }
  return points;
}
