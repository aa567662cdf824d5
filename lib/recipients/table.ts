// The shape both the CSV parser and the paste parser produce, so preflight does not care where recipients came from.

export interface RecipientRow {
  /** 1-based line of the source where this row starts (a quoted value may span lines). */
  line: number;
  /** Cells as written; ragged rows are kept as they are and reported by preflight. */
  cells: string[];
}

export interface RecipientTable {
  /** Column names, trimmed. */
  header: string[];
  rows: RecipientRow[];
}
