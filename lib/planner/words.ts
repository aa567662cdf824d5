// Figures as the planner's sentences show them: counts with separators, rates without noise, hourly figures rounded.
import { formatDuration } from "./duration-words";

export const formatCount = (n: number) => Math.round(n).toLocaleString("en-US");

/** A per-second figure as given, at most two decimals: 2, 0.5, 1.33. */
export const formatRate = (perSecond: number) => Number(perSecond.toFixed(2)).toLocaleString("en-US");

/** An hourly throughput, rounded as far as a "~" allows: ~4.2, ~83, ~3,600, ~18,000, ~1,230,000. */
export function approxPerHour(perHour: number): string {
  if (perHour < 10) return `~${Number(perHour.toFixed(1)).toLocaleString("en-US")}`;
  if (perHour < 10_000) return `~${formatCount(perHour)}`;
  const magnitude = 10 ** (Math.floor(Math.log10(perHour)) - 2);
  return `~${formatCount(Math.round(perHour / magnitude) * magnitude)}`;
}

/** A chat lifetime: "~60 s", "~60 min", "~6 h". */
export function lifetimeWords(seconds: number): string {
  if (seconds < 120) return `~${Math.round(seconds)} s`;
  if (seconds < 3 * 3_600) return `~${Math.round(seconds / 60)} min`;
  const words = formatDuration(seconds);
  return words.startsWith("~") ? words : `~${words}`;
}

export const plural = (n: number, one: string, many: string) => (Math.round(n) === 1 ? one : many);
