"use client";
// Fixed contact attributes, edited as rows. The form keeps a record (key → value), so rows with an empty key stay
// local until they get one, and a repeated key is flagged instead of silently overwriting the first.
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ComposerValues } from "./form-values";

type Row = { id: number; key: string; value: string };

export function AttributesEditor() {
  const { getValues, setValue, formState } = useFormContext<ComposerValues>();
  const [rows, setRows] = useState<Row[]>(() => Object.entries(getValues("attributes") ?? {}).map(([key, value], id) => ({ id, key, value })));
  const errors = formState.errors.attributes as Record<string, { message?: string } | undefined> | undefined;

  const commit = (next: Row[]) => {
    setRows(next);
    const record: Record<string, string> = {};
    for (const row of next) if (row.key.trim() !== "" && !Object.hasOwn(record, row.key.trim())) record[row.key.trim()] = row.value;
    setValue("attributes", record, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };
  const edit = (id: number, patch: Partial<Row>) => commit(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const nextId = rows.reduce((max, row) => Math.max(max, row.id), -1) + 1;

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Fixed attributes</legend>
      <p className="text-xs text-muted-foreground">Contact attributes set on every chat, for the contact flow and agents. Letters, digits, - and _ in keys.</p>
      {rows.map((row, index) => {
        const key = row.key.trim();
        const repeated = key !== "" && rows.findIndex((r) => r.key.trim() === key) !== index;
        return (
          <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <Field id={`attribute-${row.id}-key`} label="Key" error={repeated ? "This key is already set above" : errors?.[key]?.message}>
              <Input value={row.key} autoComplete="off" onChange={(e) => edit(row.id, { key: e.target.value })} />
            </Field>
            <Field id={`attribute-${row.id}-value`} label="Value">
              <Input value={row.value} autoComplete="off" onChange={(e) => edit(row.id, { value: e.target.value })} />
            </Field>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="mt-6"
              aria-label={`Remove attribute ${key || index + 1}`}
              onClick={() => commit(rows.filter((r) => r.id !== row.id))}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button type="button" variant="outline" size="sm" onClick={() => setRows([...rows, { id: nextId, key: "", value: "" }])}>
          Add attribute
        </Button>
      </div>
    </fieldset>
  );
}
