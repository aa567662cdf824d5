// Numbers and durations as the composer shows them. A fixed locale keeps server and browser renders identical.

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

/** "45 s", "3 min 20 s", "2 h 5 min", "1 d 3 h": the two largest units are enough for a run-time estimate. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const units: [string, number][] = [
    ["d", Math.floor(s / 86_400)],
    ["h", Math.floor((s % 86_400) / 3600)],
    ["min", Math.floor((s % 3600) / 60)],
    ["s", s % 60],
  ];
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return "0 s";
  return units
    .slice(first, first + 2)
    .filter(([, value]) => value > 0)
    .map(([unit, value]) => `${value} ${unit}`)
    .join(" ");
}
