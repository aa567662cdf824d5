// The first recipient of a list, cell by column, for the template preview. Pasted lines are read here; a CSV kept as
// text is read by csv-reader.ts, which the page loads only for such a list; an upload's first row comes from the server.
import { PASTE_HEADER, pastedRows } from "@/lib/recipients/paste-parse";

/** Column name → this recipient's cell. */
export type SampleRecipient = Record<string, string>;

export function byColumn(header: readonly string[], cells: readonly string[]): SampleRecipient {
  const sample: SampleRecipient = {};
  header.forEach((column, i) => {
    if (!Object.hasOwn(sample, column)) sample[column] = cells[i] ?? "";
  });
  return sample;
}

export function firstPastedRecipient(text: string): SampleRecipient | null {
  try {
    const first = pastedRows(text).next();
    return first.done ? null : byColumn(PASTE_HEADER, first.value.cells);
  } catch {
    // A list that cannot be read is explained by the recipients section and the check; the preview goes without.
    return null;
  }
}
