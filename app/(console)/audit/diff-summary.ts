// Turns an audit entry's diff into a few short lines a person can scan, e.g. "role: viewer → admin".
const MAX_LINES = 4;
const MAX_VALUE = 48;

type Change = { from: unknown; to: unknown };

function isChange(v: unknown): v is Change {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && keys.includes("from") && keys.includes("to");
}

function truncate(s: string): string {
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "none";
  if (typeof v === "string") return v === "" ? '""' : truncate(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return truncate(`[${v.map(formatValue).join(", ")}]`);
  return truncate(
    `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join(", ")}}`,
  );
}

/** One line per top-level key; a { from, to } pair reads as a change. Long diffs end with "+N more". */
export function summarizeDiff(diff: unknown): string[] {
  if (diff === null || diff === undefined) return [];
  if (typeof diff !== "object" || Array.isArray(diff)) return [formatValue(diff)];
  const lines = Object.entries(diff).map(([key, v]) => (isChange(v) ? `${key}: ${formatValue(v.from)} → ${formatValue(v.to)}` : `${key}: ${formatValue(v)}`));
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), `+${lines.length - MAX_LINES + 1} more`];
}
