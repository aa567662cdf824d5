// Where a WhatsApp template's variables get their values. The variables are the placeholders of the template's body
// (Connect's GetMessageTemplate); each one's source is a recipient column or one fixed value, chosen in the composer.
import type { MessageValue } from "./form-values";
import type { SampleRecipient } from "./sample-recipient";

export type TemplateVariables = NonNullable<Extract<MessageValue, { kind: "template" }>["variables"]>;
export type VariableSource = TemplateVariables[string];

/** A column whose header, or mapped variable name, is the variable's name (case and separators aside). */
export function matchingColumn(variable: string, columns: readonly string[], variableColumns: Readonly<Record<string, string>> = {}): string | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const mapped = Object.entries(variableColumns).find(([, name]) => name === variable)?.[0];
  if (mapped !== undefined && columns.includes(mapped)) return mapped;
  return columns.find((column) => key(column) === key(variable));
}

/**
 * Sources for a newly chosen template: each variable without one takes a column named like it, if there is one.
 * Sources already chosen stay; the rest are left for the person composing to choose.
 */
export function matchColumns(
  variables: readonly string[],
  current: TemplateVariables,
  columns: readonly string[],
  variableColumns: Readonly<Record<string, string>> = {},
): TemplateVariables {
  const next = { ...current };
  for (const name of variables) {
    if (Object.hasOwn(next, name)) continue;
    const column = matchingColumn(name, columns, variableColumns);
    if (column !== undefined) next[name] = { column };
  }
  return next;
}

/** The values one recipient gives the template: fixed values, and the sample's cells for column sources. */
export function sampleAttributes(variables: readonly string[], sources: TemplateVariables, sample: SampleRecipient | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of variables) {
    const source = Object.hasOwn(sources, name) ? sources[name] : undefined;
    if (source === undefined) continue;
    if ("value" in source) values[name] = source.value;
    else if (sample && Object.hasOwn(sample, source.column)) values[name] = sample[source.column]!;
  }
  return values;
}

export interface PreviewNotes {
  /** Placeholders the preview leaves unfilled that recipients would get unfilled too, or that have no source yet. */
  unfilled: string[];
  /** Without a sample row, placeholders each recipient's column fills: not a problem, only not shown. */
  fromColumns: { name: string; column: string }[];
}

export function previewNotes(missing: readonly string[], sources: TemplateVariables, hasSample: boolean): PreviewNotes {
  const notes: PreviewNotes = { unfilled: [], fromColumns: [] };
  for (const name of missing) {
    const source = Object.hasOwn(sources, name) ? sources[name] : undefined;
    if (!hasSample && source !== undefined && "column" in source) notes.fromColumns.push({ name, column: source.column });
    else notes.unfilled.push(name);
  }
  return notes;
}

/** For the column mapping table: the template variables each column feeds, in the order they were chosen. */
export function columnTemplateVariables(message: MessageValue): Map<string, string[]> {
  const byColumn = new Map<string, string[]>();
  if (message.kind !== "template") return byColumn;
  for (const [name, source] of Object.entries(message.variables ?? {})) {
    if (!("column" in source)) continue;
    byColumn.set(source.column, [...(byColumn.get(source.column) ?? []), name]);
  }
  return byColumn;
}

/** "variable {{a}}" or "variables {{a}}, {{b}}", for "Template …" and "also feeds template …". */
export function templateVariableText(names: readonly string[]): string {
  return `variable${names.length === 1 ? "" : "s"} ${names.map((name) => `{{${name}}}`).join(", ")}`;
}
