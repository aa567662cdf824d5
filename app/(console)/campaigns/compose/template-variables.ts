// The variables a message template needs. Connect's template listing does not return the template body, so the console
// reads the names from the description, where they are written as {{name}} tokens or as "Variables: name, order_id".
import { extractPlaceholders } from "@/lib/recipients/placeholders";

const LIST = /\bvariables?\s*:\s*([^\n;]*)/gi;
const NAME = /^[A-Za-z0-9_.-]+$/;

export function templateVariables(description: string | undefined): string[] {
  if (!description) return [];
  const names = new Set(extractPlaceholders(description));
  for (const match of description.matchAll(LIST)) {
    // The list ends at a sentence end: "Variables: a, b. Sent after checkout" names a and b.
    const list = match[1]!.split(/\.(?:\s|$)/, 1)[0]!;
    for (const word of list.split(/[,\s]+/)) {
      const name = word.replace(/^\{\{\s*|\s*\}\}$/g, "").replace(/[.]+$/, "");
      if (name && name.toLowerCase() !== "and" && NAME.test(name)) names.add(name);
    }
  }
  return [...names];
}

/** A column whose header, or mapped variable name, is the variable's name (case and separators aside). */
export function matchingColumn(variable: string, columns: readonly string[], variableColumns: Readonly<Record<string, string>> = {}): string | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const mapped = Object.entries(variableColumns).find(([, name]) => name === variable)?.[0];
  if (mapped !== undefined && columns.includes(mapped)) return mapped;
  return columns.find((column) => key(column) === key(variable));
}
