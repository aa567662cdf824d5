"use client";
// Each template variable takes its value from a recipient column or from one fixed value for everyone.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { MessageValue } from "./form-values";

type Variables = NonNullable<Extract<MessageValue, { kind: "template" }>["variables"]>;
type Source = Variables[string];

// Column choices are "column:<name>", so this cannot collide with one.
const FIXED = "fixed";

function sourceKey(source: Source | undefined): string {
  if (source === undefined) return "";
  return "column" in source ? `column:${source.column}` : FIXED;
}

export function TemplateVariablesFields({
  names,
  variables,
  columns,
  onChange,
}: {
  names: string[];
  variables: Variables;
  columns: string[];
  onChange: (v: Variables) => void;
}) {
  const [extra, setExtra] = useState("");
  const set = (name: string, source: Source | undefined) => {
    const next = { ...variables };
    if (source === undefined) delete next[name];
    else next[name] = source;
    onChange(next);
  };
  const add = () => {
    const name = extra.trim();
    if (name && !names.includes(name)) set(name, { value: "" });
    setExtra("");
  };

  return (
    <fieldset className="grid gap-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">Template variables</legend>
      {names.length === 0 ? (
        <p className="text-sm text-muted-foreground">The template&apos;s description names no variables. Add any the template needs.</p>
      ) : null}
      {names.map((name, index) => {
        const source = variables[name];
        return (
          <div key={name} className="grid gap-2 sm:grid-cols-2 sm:items-start">
            <Field id={`template-var-${index}`} label={name}>
              <Select
                value={sourceKey(source)}
                onChange={(e) =>
                  set(name, e.target.value === "" ? undefined : e.target.value === FIXED ? { value: "" } : { column: e.target.value.slice("column:".length) })
                }
              >
                <option value="">Choose a source</option>
                {columns.map((column) => (
                  <option key={column} value={`column:${column}`}>
                    Column: {column}
                  </option>
                ))}
                <option value={FIXED}>Fixed value</option>
              </Select>
            </Field>
            {source && "value" in source ? (
              <Field id={`template-var-${index}-value`} label={`Value for ${name}`}>
                <Input value={source.value} maxLength={1024} onChange={(e) => set(name, { value: e.target.value })} />
              </Field>
            ) : null}
          </div>
        );
      })}
      <div className="flex items-end gap-2">
        <Field id="template-var-new" label="New variable name">
          <Input value={extra} onChange={(e) => setExtra(e.target.value)} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add())} />
        </Field>
        <Button type="button" variant="outline" onClick={add} disabled={extra.trim() === ""}>
          Add variable
        </Button>
      </div>
    </fieldset>
  );
}
