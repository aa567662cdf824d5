import * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A progress bar that assistive technology reads as one: `value` of `max`, spoken as `valueText` when given.
 * Without a value (work whose size is not known yet) the bar pulses and announces no number.
 */
export function Progress({
  value,
  max = 100,
  label,
  valueText,
  className,
}: {
  value: number | null;
  max?: number;
  /** The accessible name, e.g. "Upload progress". */
  label: string;
  valueText?: string;
  className?: string;
}) {
  const known = value !== null && max > 0;
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  const percent = known ? (clamped / max) * 100 : 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? clamped : undefined}
      aria-valuetext={valueText}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div className={cn("h-full rounded-full bg-primary transition-[width]", !known && "animate-pulse bg-primary/40")} style={{ width: `${percent}%` }} />
    </div>
  );
}
