// Allowed send windows as seconds from the moment of planning: sorted, merged, and walked forward in time.

export interface Span {
  start: number;
  end: number;
}

/** Windows relative to `nowMs`, merged where they overlap or touch; those already over are dropped. */
export function windowSpans(windows: readonly { start: Date; end: Date }[], nowMs: number): Span[] {
  const spans = windows
    .map((w) => ({ start: (w.start.getTime() - nowMs) / 1000, end: (w.end.getTime() - nowMs) / 1000 }))
    .filter((s) => s.end > 0)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: Math.max(0, s.start), end: s.end });
  }
  return merged;
}

/** Seconds of [from, to) inside the windows. */
export function openSeconds(spans: readonly Span[], from: number, to: number): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(to, s.end) - Math.max(from, s.start));
  return total;
}

/** Walks the windows forward; `null` spans mean sending is always allowed. Time must never go back. */
export class WindowCursor {
  private i = 0;

  constructor(private readonly spans: readonly Span[] | null) {}

  /** Moves to `t`; true when sending is allowed there. */
  openAt(t: number): boolean {
    if (!this.spans) return true;
    while (this.i < this.spans.length && this.spans[this.i]!.end <= t) this.i++;
    const span = this.spans[this.i];
    return span !== undefined && span.start <= t;
  }

  /** When the window state next changes after the `t` last given to `openAt`. */
  nextBoundary(t: number): number {
    const span = this.spans?.[this.i];
    if (!span) return Infinity;
    return span.start > t ? span.start : span.end;
  }

  /** No window opens any more. */
  get exhausted(): boolean {
    return this.spans !== null && this.i >= this.spans.length;
  }
}
