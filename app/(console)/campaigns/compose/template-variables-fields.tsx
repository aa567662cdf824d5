"use client";
// Each variable of the template's body takes its value from a recipient column or from one fixed value for everyone,
// chosen here one by one. Sources kept for names the template no longer has can be removed.
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { TemplateVariables, VariableSource } from "./template-variables";

// Column choices are "column:<name>", so this cannot collide with one.
const FIXED = "fixed";

function sourceKey(source: VariableSource | undefined): string {
  if (source === undefined) return "";
  return "column" in source ? `column:${source.column}` : FIXED;
}

export function TemplateVariablesFields({
  names,
  variables,
  columns,
  onChange,
}: {
  /** The template's variables, in the order its body uses them. */
  names: string[];
  variables: TemplateVariables;
  columns: string[];
  onChange: (v: TemplateVariables) => void;
}) {
  const set = (name: string, source: VariableSource | undefined) => {
    const next = { ...variables };
    if (source === undefined) delete next[name];
    else next[name] = source;
    onChange(next);
  };
  const stale = Object.keys(variables).filter((name) => !names.includes(name));

  return (
    <fieldset className="grid min-w-0 gap-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">Template variables</legend>
      {names.length === 0 ? <p className="text-sm text-muted-foreground">This template has no placeholders: every recipient gets the same text.</p> : null}
      {names.map((name, index) => {
        const source = Object.hasOwn(variables, name) ? variables[name] : undefined;
        // A source chosen before the list changed still shows, so it is not silently replaced.
        const lostColumn = source && "column" in source && !columns.includes(source.column) ? source.column : undefined;
        return (
          <div key={name} className="grid min-w-0 gap-2 sm:grid-cols-2 sm:items-start">
            <Field
              id={`template-var-${index}`}
              label={`{{${name}}}`}
              hint={
                source === undefined
                  ? "Not filled yet: choose a column or a fixed value"
                  : lostColumn
                    ? `The list has no column “${lostColumn}” now`
                    : undefined
              }
            >
              <Select
                value={sourceKey(source)}
                onChange={(e) =>
                  set(name, e.target.value === "" ? undefined : e.target.value === FIXED ? { value: "" } : { column: e.target.value.slice("column:".length) })
                }
              >
                <option value="">Choose a source</option>
                {lostColumn ? <option value={`column:${lostColumn}`}>Column: {lostColumn} (not in the list)</option> : null}
                {columns.map((column) => (
                  <option key={column} value={`column:${column}`}>
                    Column: {column}
                  </option>
                ))}
                <option value={FIXED}>Fixed value</option>
              </Select>
            </Field>
            {source && "value" in source ? (
              <Field id={`template-var-${index}-value`} label={`Value for {{${name}}}`}>
                <Input value={source.value} maxLength={1024} onChange={(e) => set(name, { value: e.target.value })} />
              </Field>
            ) : null}
          </div>
        );
      })}
      {stale.map((name) => (
        <div key={name} className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span>
            <span className="font-mono">{`{{${name}}}`}</span> is not in this template
          </span>
          <Button type="button" variant="outline" size="sm" onClick={() => set(name, undefined)} aria-label={`Remove {{${name}}}`}>
            Remove
          </Button>
        </div>
      ))}
    </fieldset>
  );
}
