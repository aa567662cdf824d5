"use client";
// A send window as per-weekday hours and a list of blocked dates, for Settings and for a campaign's own window.
// Validation is the schema's, on the server; errors come back keyed by path ("window.days.mon.to").
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { WEEKDAYS, type SendWindow, type Weekday } from "@/lib/settings/send-window-math";

export interface WindowRows {
  days: Record<Weekday, { open: boolean; from: string; to: string }>;
  /** Blocked dates as typed: one per line or separated by commas. */
  blocked: string;
}

const DAY_LABELS: Record<Weekday, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** Mon–Fri 09:00–20:00, Sat 10:00–16:00, Sun closed: where a new window starts. */
export const OFFICE_HOURS: SendWindow = {
  days: {
    mon: { from: "09:00", to: "20:00" },
    tue: { from: "09:00", to: "20:00" },
    wed: { from: "09:00", to: "20:00" },
    thu: { from: "09:00", to: "20:00" },
    fri: { from: "09:00", to: "20:00" },
    sat: { from: "10:00", to: "16:00" },
    sun: null,
  },
  blockedDates: [],
};

export function toWindowRows(window: SendWindow): WindowRows {
  const days = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const h = window.days[d];
      return [d, h ? { open: true, from: h.from, to: h.to } : { open: false, from: "09:00", to: "17:00" }];
    }),
  ) as WindowRows["days"];
  return { days, blocked: window.blockedDates.join("\n") };
}

export function fromWindowRows(rows: WindowRows): SendWindow {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, rows.days[d].open ? { from: rows.days[d].from, to: rows.days[d].to } : null])) as SendWindow["days"];
  const blockedDates = rows.blocked
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { days, blockedDates };
}

export function SendWindowEditor({
  idPrefix,
  errorPrefix,
  rows,
  onChange,
  errors,
  disabled,
}: {
  idPrefix: string;
  /** Where the server's errors for this window are keyed, e.g. "window" or "sendWindow". */
  errorPrefix: string;
  rows: WindowRows;
  onChange(rows: WindowRows): void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const setDay = (d: Weekday, patch: Partial<WindowRows["days"][Weekday]>) => onChange({ ...rows, days: { ...rows.days, [d]: { ...rows.days[d], ...patch } } });
  const blockedError = Object.entries(errors).find(([k]) => k.startsWith(`${errorPrefix}.blockedDates`))?.[1];
  return (
    <div className="grid gap-3">
      <p className="text-xs text-muted-foreground">Hours are each recipient&apos;s own local time; the end is not included.</p>
      {WEEKDAYS.map((d) => (
        <fieldset key={d} className="grid grid-cols-[8rem_1fr_1fr] items-end gap-2" aria-label={DAY_LABELS[d]}>
          <label className="flex h-9 items-center gap-2 text-sm">
            <input type="checkbox" disabled={disabled} checked={rows.days[d].open} onChange={(e) => setDay(d, { open: e.target.checked })} />
            {DAY_LABELS[d]}
          </label>
          {rows.days[d].open ? (
            <>
              <Field id={`${idPrefix}-${d}-from`} label="From" error={errors[`${errorPrefix}.days.${d}.from`]}>
                <Input type="time" disabled={disabled} value={rows.days[d].from} onChange={(e) => setDay(d, { from: e.target.value })} />
              </Field>
              <Field id={`${idPrefix}-${d}-to`} label="Until" hint="24:00 for midnight" error={errors[`${errorPrefix}.days.${d}.to`]}>
                <Input disabled={disabled} value={rows.days[d].to} placeholder="20:00" onChange={(e) => setDay(d, { to: e.target.value })} />
              </Field>
            </>
          ) : (
            <p className="col-span-2 flex h-9 items-center text-sm text-muted-foreground">Closed</p>
          )}
        </fieldset>
      ))}
      <Field id={`${idPrefix}-blocked`} label="Blocked dates" hint="YYYY-MM-DD, one per line: closed all day in the recipient's calendar" error={blockedError}>
        <textarea
          className="min-h-16 rounded-md border border-border bg-background px-2 py-1 text-sm"
          disabled={disabled}
          value={rows.blocked}
          onChange={(e) => onChange({ ...rows, blocked: e.target.value })}
        />
      </Field>
    </div>
  );
}
