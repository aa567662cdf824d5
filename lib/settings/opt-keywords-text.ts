// The opt-out keywords form's text: keyword lists written one per line or separated by commas. Without zod, so the form
// can write them without loading the schema that reads them back (opt-keywords-form.ts).

/**
 * Splits on commas and line breaks only: "OPT OUT" stays one (refused) keyword instead of quietly making "OPT" an
 * opt-out word.
 */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

export const joinKeywords = (words: readonly string[]) => words.join(", ");
