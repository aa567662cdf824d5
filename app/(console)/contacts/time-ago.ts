// "checked 5 min ago": how long since an instant, in the largest whole unit. Pure.
const UNITS: [limitSeconds: number, seconds: number, unit: string][] = [
  [3600, 60, "min"],
  [86_400, 3600, "h"],
  [Infinity, 86_400, "day"],
];

export function timeAgo(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - then.getTime()) / 1000));
  if (seconds < 60) return "just now";
  for (const [limit, size, unit] of UNITS) {
    if (seconds < limit) {
      const n = Math.floor(seconds / size);
      return `${n} ${unit}${unit === "day" && n !== 1 ? "s" : ""} ago`;
    }
  }
  return "just now";
}
