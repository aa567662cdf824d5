"use client";
// Every instant the console shows, written one way: the viewer's local time (or "5 min ago" with `relative`), the
// exact UTC instant on hover. The server cannot know the viewer's time zone, so the first render, on the server and
// during hydration, writes UTC; the browser then switches to local time without a hydration mismatch.
import { useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";
import { localWords, relativeWords, toInstant, utcWords } from "./date-time-words";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const serverZone = () => null;

// One shared clock for every relative time on the page, ticking every 30 s while any is shown.
let now = Date.now();
const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;
function subscribeClock(listener: () => void) {
  listeners.add(listener);
  if (!ticker) {
    now = Date.now();
    ticker = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}
const clockNow = () => now;
const serverNow = () => null;

export interface DateTimeProps {
  at: Date | string | number | null | undefined;
  /** Shown when there is no time, e.g. "Never". */
  empty?: string;
  /** "5 min ago" instead of the clock time; the clock time is then on hover too. */
  relative?: boolean;
  seconds?: boolean;
  className?: string;
}

export function DateTime({ at, empty = "—", relative = false, seconds = false, className }: DateTimeProps) {
  const zone = useSyncExternalStore(noSubscription, browserZone, serverZone);
  const tick = useSyncExternalStore(relative ? subscribeClock : noSubscription, clockNow, serverNow);
  const instant = toInstant(at);
  if (!instant) return <span className={cn("text-muted-foreground", className)}>{empty}</span>;
  const utc = utcWords(instant, seconds || relative);
  const current = tick === null ? undefined : new Date(tick);
  const local = zone ? localWords(instant, zone, { seconds, now: current }) : null;
  const text = relative && current ? relativeWords(instant, current) : (local ?? utcWords(instant, seconds));
  const title = relative && local ? `${localWords(instant, zone!, { seconds: true })} · ${utc}` : utc;
  return (
    <time dateTime={instant.toISOString()} title={title} className={cn("whitespace-nowrap", className)}>
      {text}
    </time>
  );
}
