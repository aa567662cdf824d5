"use client";
// Phone, name and time zone columns, then what each other column becomes: a contact attribute (visible to the contact
// flow and agents) or a message variable (for {{placeholders}}). A column a WhatsApp template variable takes its value
// from says so.
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { columnUse, extraColumns, setColumnUse, suggestKey, type ColumnUse } from "./column-mapping";
import type { ComposerValues, MappingValue } from "./form-values";
import { MappingPreview } from "./mapping-preview";
import { columnTemplateVariables, templateVariableText } from "./template-variables";

export function ColumnMappingFields({ header, sample = [] }: { header: string[]; sample?: string[][] }) {
  const { control, setValue, formState } = useFormContext<ComposerValues>();
  const mapping = useWatch({ control, name: "recipients.mapping" });
  const message = useWatch({ control, name: "message" });
  const feeds = columnTemplateVariables(message);
  const fed = (column: string | undefined) => (column === undefined ? undefined : feeds.get(column));
  const phoneFeeds = fed(mapping.phoneColumn);
  const nameFeeds = fed(mapping.nameColumn);
  const errors = formState.errors.recipients?.mapping;
  const update = (next: MappingValue) => setValue("recipients.mapping", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  // A column chosen as phone, name or time zone stops being an attribute or variable.
  const pick = (role: "phoneColumn" | "nameColumn" | "timeZoneColumn", column: string) => {
    const cleared = column ? setColumnUse(mapping, column, "none", "") : mapping;
    const next: MappingValue = { ...cleared, [role]: column };
    if (role !== "phoneColumn" && column === "") delete next[role];
    update(next);
  };
  // Each column has one role: the other roles' columns are offered but disabled.
  const takenBy = (role: "phoneColumn" | "nameColumn" | "timeZoneColumn", column: string) =>
    (["phoneColumn", "nameColumn", "timeZoneColumn"] as const).some((other) => other !== role && mapping[other] === column);
  // A pasted list has only phone and name: a time zone column would have nothing to offer.
  const zoneCandidates = header.some((column) => !takenBy("timeZoneColumn", column)) || mapping.timeZoneColumn !== undefined;

  return (
    <fieldset className="grid gap-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">Column mapping</legend>
      <MappingPreview header={header} sample={sample} mapping={mapping} feeds={feeds} />
      <div className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field
          id="mapping-phone"
          label="Phone column"
          hint={phoneFeeds ? `Also feeds template ${templateVariableText(phoneFeeds)}` : undefined}
          error={errors?.phoneColumn?.message}
        >
          <Select value={mapping.phoneColumn} onChange={(e) => pick("phoneColumn", e.target.value)}>
            <option value="">Choose a column</option>
            {header.map((column) => (
              <option key={column} value={column} disabled={takenBy("phoneColumn", column)}>
                {column}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="mapping-name"
          label="Name column"
          hint={`Shown to agents and usable as {{name}}${nameFeeds ? `; also feeds template ${templateVariableText(nameFeeds)}` : ""}`}
          error={errors?.nameColumn?.message}
        >
          <Select value={mapping.nameColumn ?? ""} onChange={(e) => pick("nameColumn", e.target.value)}>
            <option value="">None</option>
            {header.map((column) => (
              <option key={column} value={column} disabled={takenBy("nameColumn", column)}>
                {column}
              </option>
            ))}
          </Select>
        </Field>
        {zoneCandidates ? (
          <Field
            id="mapping-time-zone"
            label="Time zone column (optional)"
            hint="IANA names such as America/Chicago; empty cells use the number's zone"
            error={errors?.timeZoneColumn?.message}
          >
            <Select value={mapping.timeZoneColumn ?? ""} onChange={(e) => pick("timeZoneColumn", e.target.value)}>
              <option value="">None</option>
              {header.map((column) => (
                <option key={column} value={column} disabled={takenBy("timeZoneColumn", column)}>
                  {column}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      {extraColumns(header, mapping).map((column, index) => (
        <ExtraColumn
          key={column}
          id={`mapping-extra-${index}`}
          column={column}
          mapping={mapping}
          templateVariables={feeds.get(column) ?? []}
          error={columnError(errors, column)}
          onChange={update}
        />
      ))}
    </fieldset>
  );
}

function ExtraColumn({
  id,
  column,
  mapping,
  templateVariables,
  error,
  onChange,
}: {
  id: string;
  column: string;
  mapping: MappingValue;
  /** The template variables this column feeds. */
  templateVariables: string[];
  error?: string;
  onChange: (m: MappingValue) => void;
}) {
  const { use, name } = columnUse(mapping, column);
  return (
    <fieldset className="grid gap-2 sm:grid-cols-[minmax(8rem,1fr)_minmax(10rem,16rem)_1fr] sm:items-start">
      <legend className="sr-only">{column}</legend>
      <p className="truncate pt-7 text-sm font-mono" aria-hidden title={column}>
        {column}
      </p>
      <Field
        id={`${id}-use`}
        label="Use as"
        hint={use !== "none" && templateVariables.length > 0 ? `Also feeds template ${templateVariableText(templateVariables)}` : undefined}
      >
        <Select value={use} onChange={(e) => onChange(setColumnUse(mapping, column, e.target.value as ColumnUse, name || suggestKey(column)))}>
          {/* Feeding a template variable needs no role of its own: the template message names the column. */}
          <option value="none">{templateVariables.length > 0 ? `Template ${templateVariableText(templateVariables)}` : "Not used"}</option>
          <option value="attribute">Contact attribute</option>
          <option value="variable">Message variable</option>
        </Select>
      </Field>
      {use === "none" ? null : (
        <Field id={`${id}-name`} label={use === "attribute" ? "Attribute name" : "Variable name"} error={error}>
          <Input value={name} autoComplete="off" onChange={(e) => onChange(setColumnUse(mapping, column, use, e.target.value))} />
        </Field>
      )}
    </fieldset>
  );
}

type MappingErrors = NonNullable<NonNullable<ReturnType<typeof useFormContext<ComposerValues>>["formState"]["errors"]["recipients"]>["mapping"]>;

function columnError(errors: MappingErrors | undefined, column: string): string | undefined {
  const byColumn = (record: unknown) => (record as Record<string, { message?: string } | undefined> | undefined)?.[column]?.message;
  return byColumn(errors?.attributeColumns) ?? byColumn(errors?.variableColumns);
}
