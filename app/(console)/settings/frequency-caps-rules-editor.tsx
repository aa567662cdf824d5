"use client";
// A list of frequency cap rules as text boxes, for Settings and for a campaign's own rules. Validation is the schema's,
// on the server; errors come back keyed by path ("rules.0.count").
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MAX_RULES } from "@/lib/settings/frequency-cap-rules";

export interface RuleRow {
  count: string;
  windowHours: string;
  whenCapped: "skip" | "wait";
}

export function RulesEditor({
  idPrefix,
  errorPrefix,
  rows,
  onChange,
  errors,
  disabled,
  emptyText = "No caps.",
}: {
  idPrefix: string;
  /** Where the server's errors for these rows are keyed, e.g. "rules" or "frequencyCapRules". */
  errorPrefix: string;
  rows: RuleRow[];
  onChange(rows: RuleRow[]): void;
  errors: Record<string, string>;
  disabled: boolean;
  emptyText?: string;
}) {
  const set = (i: number, patch: Partial<RuleRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="grid gap-3">
      {rows.length === 0 ? <p className="text-sm text-muted-foreground">{emptyText}</p> : null}
      {rows.map((row, i) => (
        <fieldset key={i} className="grid grid-cols-[1fr_1fr_1fr_auto] items-end gap-2" aria-label={`Rule ${i + 1}`}>
          <Field id={`${idPrefix}-${i}-count`} label="At most (contacts)" error={errors[`${errorPrefix}.${i}.count`]}>
            <Input inputMode="numeric" disabled={disabled} value={row.count} onChange={(e) => set(i, { count: e.target.value })} />
          </Field>
          <Field id={`${idPrefix}-${i}-window`} label="Per (hours)" hint="24 = a day, 168 = 7 days" error={errors[`${errorPrefix}.${i}.windowHours`]}>
            <Input inputMode="numeric" disabled={disabled} value={row.windowHours} onChange={(e) => set(i, { windowHours: e.target.value })} />
          </Field>
          <Field id={`${idPrefix}-${i}-when`} label="When capped" error={errors[`${errorPrefix}.${i}.whenCapped`]}>
            <select
              className="h-9 rounded-md border border-border bg-background px-2 text-sm"
              disabled={disabled}
              value={row.whenCapped}
              onChange={(e) => set(i, { whenCapped: e.target.value === "wait" ? "wait" : "skip" })}
            >
              <option value="skip">Skip the recipient</option>
              <option value="wait">Wait until allowed</option>
            </select>
          </Field>
          {disabled ? (
            <span />
          ) : (
            <Button type="button" variant="outline" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove
            </Button>
          )}
        </fieldset>
      ))}
      {!disabled && rows.length < MAX_RULES ? (
        <div>
          <Button type="button" variant="outline" onClick={() => onChange([...rows, { count: "1", windowHours: "24", whenCapped: "skip" }])}>
            Add rule
          </Button>
        </div>
      ) : null}
    </div>
  );
}
