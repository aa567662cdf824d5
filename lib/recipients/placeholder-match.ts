// Where a {{placeholder}} takes its value from, and what to say when nothing provides it. Preflight decides with this and
// the composer warns with it as the message is typed, so a placeholder the page accepts is one the check accepts.
// Browser-safe: no server or Node imports.

/** What can provide a placeholder's value. */
export interface PlaceholderSources {
  /** Names that mapped columns provide as message variables. */
  variables: readonly string[];
  /** A chosen name column provides {{name}}. */
  hasNameColumn: boolean;
  /** Names with a fixed value that is not blank. */
  fixed: readonly string[];
  /** The list's header: any column can be used by its own name. */
  columns: readonly string[];
}

export type PlaceholderSource =
  | { kind: "variable" }
  | { kind: "name" }
  | { kind: "fixed" }
  | { kind: "column"; column: string }
  /** Several columns answer to the name (say "city" and "CITY" for {{City}}); guessing could send the wrong one. */
  | { kind: "ambiguous"; columns: string[] }
  | { kind: "missing"; suggestion: string | undefined };

export type PlaceholderProblem = Extract<PlaceholderSource, { kind: "ambiguous" | "missing" }>;

/** How names compare: case, surrounding spaces, and the difference between spaces, "_" and "-" aside. */
export function placeholderKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

/** Columns a placeholder name stands for: the column written exactly so, or else every column equal by placeholderKey. */
export function matchColumns(name: string, columns: readonly string[]): string[] {
  const trimmed = name.trim();
  const exact = columns.filter((column) => column.trim() === trimmed);
  if (exact.length > 0) return exact;
  const key = placeholderKey(name);
  return columns.filter((column) => placeholderKey(column) === key);
}

/**
 * In order: a mapped variable of exactly that name, {{name}} from the name column, a fixed value, then a column that
 * alone matches the name (see matchColumns), used as if it had been mapped.
 */
export function resolvePlaceholder(name: string, sources: PlaceholderSources): PlaceholderSource {
  if (sources.variables.includes(name)) return { kind: "variable" };
  if (name === "name" && sources.hasNameColumn) return { kind: "name" };
  if (sources.fixed.includes(name)) return { kind: "fixed" };
  const columns = matchColumns(name, sources.columns);
  if (columns.length === 1) return { kind: "column", column: columns[0]! };
  if (columns.length > 1) return { kind: "ambiguous", columns };
  return { kind: "missing", suggestion: suggestPlaceholder(name, placeholderCandidates(sources)) };
}

/** Every name the sources offer, each once: variables, "name", fixed values, then columns that can be written as a placeholder. */
export function placeholderCandidates(sources: PlaceholderSources): string[] {
  const names = new Set<string>([...sources.variables, ...(sources.hasNameColumn ? ["name"] : []), ...sources.fixed]);
  for (const column of sources.columns) {
    const name = column.trim();
    if (isWritablePlaceholder(name)) names.add(name);
  }
  return [...names];
}

/** A name {{…}} can hold: not blank, no braces (the template syntax would end or start a placeholder there). */
export function isWritablePlaceholder(name: string): boolean {
  return name.trim() !== "" && !/[{}]/.test(name);
}

/**
 * The candidate closest to `name` by placeholderKey: within 2 edits (a swap of neighbours is one), or one that `name`
 * begins (a name typed part way) or that begins `name` (3 characters or more). Names with nothing in common, like
 * "ab" and "id", are not close. Ties go to the earlier candidate.
 */
export function suggestPlaceholder(name: string, candidates: readonly string[]): string | undefined {
  const key = placeholderKey(name);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const other = placeholderKey(candidate);
    if (other === "" || candidate === name) continue;
    const distance = editDistance(key, other);
    let score = Number.POSITIVE_INFINITY;
    if (distance <= 2 && distance < Math.max(key.length, other.length)) score = distance;
    else if (other.startsWith(key) || (other.length >= 3 && key.startsWith(other))) score = 3;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The sentence for a placeholder nothing provides: `${what} {{cty}}, but no column or fixed value provides it. Did you
 * mean {{City}}?`. `what` starts it: "The message uses", "The template needs".
 */
export function placeholderProblemText(what: string, name: string, problem: PlaceholderProblem): string {
  const base = `${what} {{${name}}}, but no column or fixed value provides it`;
  if (problem.kind === "ambiguous") {
    const columns = problem.columns.map((column) => `"${column}"`).join(", ");
    return `${base}: more than one column matches it (${columns}). Map the one to use as a message variable`;
  }
  return problem.suggestion === undefined ? base : `${base}. Did you mean {{${problem.suggestion}}}?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Math.abs(a.length - b.length);
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
