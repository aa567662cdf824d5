// The suppression list's import limits and the sources a number can come from. Without zod, so the page can state
// them without loading the schemas (schemas.ts).

/** The most numbers one import may hold; beyond it the import is refused with a message, not cut short. */
export const MAX_IMPORT_NUMBERS = 100_000;
/** The largest import file or pasted text, in bytes: generous for 100,000 rows with a few extra columns. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export const SUPPRESSION_SOURCES = ["manual", "import", "opt-out"] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];
