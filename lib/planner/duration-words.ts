// A span of time in the words a supervisor reads at a glance: "45 s", "45 min", "2 h 5 min", "~19 h", "3 d 4 h".
// Precision shrinks as the span grows: nobody plans a two-day send to the minute.

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`A duration must be a finite number of seconds, 0 or more (got ${seconds})`);
  if (seconds < MINUTE - 0.5) return `${Math.round(seconds)} s`;
  if (seconds < HOUR - 30) return `${Math.max(1, Math.round(seconds / MINUTE))} min`;
  if (seconds < 10 * HOUR - 30) {
    let hours = Math.floor(seconds / HOUR);
    let minutes = Math.round((seconds - hours * HOUR) / MINUTE);
    if (minutes === 60) {
      hours += 1;
      minutes = 0;
    }
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  if (seconds < 2 * DAY - HOUR / 2) return `~${Math.round(seconds / HOUR)} h`;
  let days = Math.floor(seconds / DAY);
  let hours = Math.round((seconds - days * DAY) / HOUR);
  if (hours === 24) {
    days += 1;
    hours = 0;
  }
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
