// Column roles as the form edits them. The schema keeps two records (column → attribute key, column → variable name);
// the mapping table shows one "Use as" choice per column, so these helpers translate between the two views.
import { suggestMapping } from "@/lib/recipients/mapping-suggest";
import { isWritablePlaceholder, placeholderProblemText, resolvePlaceholder, type PlaceholderSources } from "@/lib/recipients/placeholder-match";
import { extractPlaceholders } from "@/lib/recipients/placeholders";
import type { MappingValue } from "./form-values";

export type ColumnUse = "none" | "attribute" | "variable";

export function columnUse(mapping: MappingValue, column: string): { use: ColumnUse; name: string } {
  const attributes = mapping.attributeColumns ?? {};
  const variables = mapping.variableColumns ?? {};
  if (Object.hasOwn(attributes, column)) return { use: "attribute", name: attributes[column]! };
  if (Object.hasOwn(variables, column)) return { use: "variable", name: variables[column]! };
  return { use: "none", name: "" };
}

export function setColumnUse(mapping: MappingValue, column: string, use: ColumnUse, name: string): MappingValue {
  const attributeColumns = { ...mapping.attributeColumns };
  const variableColumns = { ...mapping.variableColumns };
  delete attributeColumns[column];
  delete variableColumns[column];
  if (use === "attribute") attributeColumns[column] = name;
  if (use === "variable") variableColumns[column] = name;
  return { ...mapping, attributeColumns, variableColumns };
}

/** A name Connect accepts for a column header: "Order ID" → "Order_ID". */
export function suggestKey(column: string): string {
  return column
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64);
}

/** Columns other than the phone, name and time zone columns: the ones that may become attributes or variables. */
export function extraColumns(header: readonly string[], mapping: MappingValue): string[] {
  return header.filter((column) => column !== mapping.phoneColumn && column !== mapping.nameColumn && column !== mapping.timeZoneColumn);
}

/** The mapping for a newly read header: keeps what still fits, guesses phone, name and time zone where nothing fits. */
export function mappingForHeader(mapping: MappingValue, header: readonly string[]): MappingValue {
  const has = (column: string | undefined) => column !== undefined && header.includes(column);
  const guess = suggestMapping(header);
  const keep = (record: Record<string, string> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([column]) => has(column)));
  const phoneColumn = has(mapping.phoneColumn) ? mapping.phoneColumn : (guess.phoneColumn ?? "");
  const nameColumn = has(mapping.nameColumn) ? mapping.nameColumn : guess.nameColumn;
  const timeZoneColumn = has(mapping.timeZoneColumn) ? mapping.timeZoneColumn : guess.timeZoneColumn;
  const next: MappingValue = { phoneColumn, attributeColumns: keep(mapping.attributeColumns), variableColumns: keep(mapping.variableColumns) };
  if (nameColumn !== undefined && nameColumn !== phoneColumn) next.nameColumn = nameColumn;
  if (timeZoneColumn !== undefined && timeZoneColumn !== phoneColumn && timeZoneColumn !== next.nameColumn) next.timeZoneColumn = timeZoneColumn;
  // A column that became the phone, name or time zone column is no longer an attribute or variable.
  for (const column of [next.phoneColumn, next.nameColumn, next.timeZoneColumn]) {
    if (column !== undefined) Object.assign(next, setColumnUse(next, column, "none", ""));
  }
  return next;
}

/** What can fill an SMS's {{placeholders}}, as preflight sees it for this mapping and header (an SMS has no fixed values). */
export function placeholderSources(mapping: MappingValue, header: readonly string[]): PlaceholderSources {
  const variables = Object.values(mapping.variableColumns ?? {})
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return { variables, hasNameColumn: Boolean(mapping.nameColumn), fixed: [], columns: header };
}

export interface PlaceholderChoice {
  /** Written as {{name}}. */
  name: string;
  /** The column the value comes from. */
  column: string;
}

/**
 * Placeholders an SMS can use, each once: "name" for the name column, the mapped variables, then every other column by
 * its own header. A column is left out when its header would find something else (a variable of that name, say).
 */
export function availablePlaceholders(mapping: MappingValue, header: readonly string[] = []): PlaceholderChoice[] {
  const choices: PlaceholderChoice[] = [];
  const offered = new Set<string>();
  const offer = (name: string, column: string) => {
    if (offered.has(name)) return;
    offered.add(name);
    choices.push({ name, column });
  };
  if (mapping.nameColumn) offer("name", mapping.nameColumn);
  for (const [column, name] of Object.entries(mapping.variableColumns ?? {})) if (name.trim()) offer(name.trim(), column);
  const sources = placeholderSources(mapping, header);
  for (const column of header) {
    if (column === mapping.nameColumn || Object.hasOwn(mapping.variableColumns ?? {}, column)) continue;
    const name = column.trim();
    if (!isWritablePlaceholder(name)) continue;
    const source = resolvePlaceholder(name, sources);
    if (source.kind === "column" && source.column === column) offer(name, column);
  }
  return choices;
}

export interface PlaceholderIssue {
  name: string;
  /** The sentence preflight would refuse the message with. */
  problem: string;
  /** A name that would work, when one is close. */
  suggestion?: string;
}

/** The message's placeholders that nothing provides, judged by the same rule as preflight. */
export function placeholderIssues(text: string, mapping: MappingValue, header: readonly string[]): PlaceholderIssue[] {
  const sources = placeholderSources(mapping, header);
  const issues: PlaceholderIssue[] = [];
  for (const name of extractPlaceholders(text)) {
    const source = resolvePlaceholder(name, sources);
    if (source.kind !== "missing" && source.kind !== "ambiguous") continue;
    const problem = placeholderProblemText("The message uses", name, source);
    issues.push(source.kind === "missing" && source.suggestion !== undefined ? { name, problem, suggestion: source.suggestion } : { name, problem });
  }
  return issues;
}
