// How long a background loop waits after another failed round: twice the last wait, from 1 s up to a minute, so a
// database or Connect that is away is asked again soon at first and then about once a minute.
export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 60_000;

export function longerBackoff(lastMs: number): number {
  return Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, lastMs * 2));
}
