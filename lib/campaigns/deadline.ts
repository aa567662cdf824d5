// When a campaign stops sending: its end time, or its maximum age for queued sends counted from when it started
// sending, whichever comes first. Pure, so the composer warns with the same rule the dispatcher applies.

export interface DeadlineSettings {
  /** ISO instant after which nothing is sent. */
  endAt?: string;
  /** A send not made within this many minutes after sending began is not made. */
  maxQueuedMinutes?: number;
}

/** Sending begins at launch, or at the scheduled start when that is later. Null before launch. */
export function sendingBeganAt(c: { launchedAt: Date | null; scheduledAt: Date | null }): Date | null {
  if (!c.launchedAt) return null;
  return c.scheduledAt && c.scheduledAt > c.launchedAt ? c.scheduledAt : c.launchedAt;
}

/**
 * The earlier of the end time and the start plus the maximum age. Without a start (a draft) only the end time counts;
 * null when neither is set.
 */
export function campaignDeadline(settings: DeadlineSettings, began: Date | null): Date | null {
  const candidates: number[] = [];
  if (settings.endAt) {
    const end = Date.parse(settings.endAt);
    if (!Number.isNaN(end)) candidates.push(end);
  }
  if (settings.maxQueuedMinutes !== undefined && began) candidates.push(began.getTime() + settings.maxQueuedMinutes * 60_000);
  return candidates.length > 0 ? new Date(Math.min(...candidates)) : null;
}

/** Which of the two settings sets the deadline, for saying why sending ended. */
export function deadlineCause(settings: DeadlineSettings, began: Date | null): "end time" | "maximum age" | null {
  const deadline = campaignDeadline(settings, began);
  if (!deadline) return null;
  return settings.endAt && Date.parse(settings.endAt) === deadline.getTime() ? "end time" : "maximum age";
}

/**
 * Recipients a plan would reach only after the deadline, read off its timeline of expected sends (interpolated between
 * points). A plan with no timeline reaches nobody by the deadline unless it has nobody to send to.
 */
export function recipientsPastDeadline(timeline: { at: string; sent: number }[], recipients: number, deadlineMs: number): number {
  if (recipients <= 0) return 0;
  let sentBy = 0;
  let prev: { ms: number; sent: number } | null = null;
  for (const point of timeline) {
    const ms = Date.parse(point.at);
    if (ms <= deadlineMs) sentBy = point.sent;
    else {
      if (prev) sentBy = prev.sent + ((point.sent - prev.sent) * (deadlineMs - prev.ms)) / (ms - prev.ms);
      break;
    }
    prev = { ms, sent: point.sent };
  }
  return Math.max(0, recipients - Math.round(sentBy));
}
