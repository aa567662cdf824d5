// Reads a recipient list (CSV or pasted numbers) off the request path: in batches, handing the event loop back between
// them, holding no more than one batch of rows besides the text, and stopping when the caller aborts.
import { csvRowChunks } from "./csv-stream";
import { TurnClock } from "./event-loop";
import { PASTE_HEADER, pastedRows } from "./paste-parse";
import type { RecipientRow, RecipientTable } from "./table";

export interface RecipientBatch {
  header: string[];
  rows: RecipientRow[];
  /** Rows read so far, this batch's included. */
  rowsRead: number;
}

export interface ReadBatchesOptions {
  /** Rows per batch; 5,000 when left out. The last batch may hold fewer. */
  batchRows?: number;
  /** Aborting stops the read with the signal's reason. */
  signal?: AbortSignal;
}

export const DEFAULT_BATCH_ROWS = 5_000;

/**
 * The list's rows in source order, in batches of `batchRows`. There is always at least one batch, so the header is known
 * even for a list without rows. Throws RecipientsInputError for a file that cannot be read and as soon as the rows pass
 * MAX_RECIPIENT_ROWS.
 */
export async function* readRecipientBatches(
  format: "csv" | "paste",
  text: string,
  options: ReadBatchesOptions = {},
): AsyncGenerator<RecipientBatch, void, undefined> {
  const { signal } = options;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError(`batchRows must be a positive integer, not ${batchRows}`);
  signal?.throwIfAborted();
  const clock = new TurnClock();
  let header: string[] = [];
  let pending: RecipientRow[] = [];
  let rowsRead = 0;
  let batches = 0;
  for await (const chunk of format === "csv" ? csvRowChunks(text) : pastedRowChunks(text)) {
    header = chunk.header;
    for (const row of chunk.rows) pending.push(row);
    while (pending.length >= batchRows) {
      const rows = pending.length === batchRows ? pending : pending.slice(0, batchRows);
      pending = rows === pending ? [] : pending.slice(batchRows);
      rowsRead += rows.length;
      // The caller works on the batch in the turn it gets it, so that turn should not be half used up already.
      if (clock.spent(0.5)) await clock.nextTurn(signal);
      yield { header, rows, rowsRead };
      batches++;
      await clock.nextTurn(signal);
    }
    if (clock.spent()) await clock.nextTurn(signal);
    else signal?.throwIfAborted();
  }
  if (pending.length > 0 || batches === 0) {
    rowsRead += pending.length;
    yield { header, rows: pending, rowsRead };
  }
}

export interface ReadListOptions {
  /** Called after each batch with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Aborting stops the read with the signal's reason. */
  signal?: AbortSignal;
}

/** The whole list as one table, read in batches as readRecipientBatches reads it. */
export async function readRecipientList(format: "csv" | "paste", text: string, options: ReadListOptions = {}): Promise<RecipientTable> {
  let header: string[] = [];
  const rows: RecipientRow[] = [];
  for await (const batch of readRecipientBatches(format, text, { signal: options.signal })) {
    header = batch.header;
    for (const row of batch.rows) rows.push(row);
    options.onProgress?.(batch.rowsRead);
  }
  return { header, rows };
}

const PASTE_CHUNK_ROWS = 2_000;

function* pastedRowChunks(text: string): Generator<{ header: string[]; rows: RecipientRow[] }, void, undefined> {
  const header = [...PASTE_HEADER];
  let rows: RecipientRow[] = [];
  for (const row of pastedRows(text)) {
    rows.push(row);
    if (rows.length === PASTE_CHUNK_ROWS) {
      yield { header, rows };
      rows = [];
    }
  }
  yield { header, rows };
}
