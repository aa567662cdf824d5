// Column roles as the form edits them. The schema keeps two records (column → attribute key, column → variable name);
// the mapping table shows one "Use as" choice per column, so these helpers translate between the two views.
import { suggestMapping } from "@/lib/recipients/mapping";
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

/** Columns other than the phone and name columns: the ones that may become attributes or variables. */
export function extraColumns(header: readonly string[], mapping: MappingValue): string[] {
  return header.filter((column) => column !== mapping.phoneColumn && column !== mapping.nameColumn);
}

/** The mapping for a newly read header: keeps what still fits, guesses phone and name where nothing fits. */
export function mappingForHeader(mapping: MappingValue, header: readonly string[]): MappingValue {
  const has = (column: string | undefined) => column !== undefined && header.includes(column);
  const guess = suggestMapping(header);
  const keep = (record: Record<string, string> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([column]) => has(column)));
  const phoneColumn = has(mapping.phoneColumn) ? mapping.phoneColumn : (guess.phoneColumn ?? "");
  const nameColumn = has(mapping.nameColumn) ? mapping.nameColumn : guess.nameColumn;
  const next: MappingValue = { phoneColumn, attributeColumns: keep(mapping.attributeColumns), variableColumns: keep(mapping.variableColumns) };
  if (nameColumn !== undefined && nameColumn !== phoneColumn) next.nameColumn = nameColumn;
  // A column that became the phone or name column is no longer an attribute or variable.
  for (const column of [next.phoneColumn, next.nameColumn]) {
    if (column !== undefined) Object.assign(next, setColumnUse(next, column, "none", ""));
  }
  return next;
}

/** Names usable as {{placeholders}} in an SMS: mapped variables, and "name" when a name column is chosen. */
export function availablePlaceholders(mapping: MappingValue): string[] {
  const names = new Set<string>();
  if (mapping.nameColumn) names.add("name");
  for (const name of Object.values(mapping.variableColumns ?? {})) if (name.trim()) names.add(name.trim());
  return [...names];
}
