// What an upload records about its list: the header and how many recipient rows it has. The rows themselves are
// read again, mapped and checked when a draft is saved; here they are counted a batch at a time and let go.
import { UserFacingError } from "@/lib/errors";
import { tooManyRowsMessage } from "@/lib/recipients/limits";
import { readRecipientBatches } from "@/lib/recipients/read-list";
import { ContentTooLargeError } from "./too-large";

export const NO_ROWS_MESSAGE = "The file has no recipient rows";

export interface ListShape {
  header: string[];
  rowCount: number;
  /** The first rows' cells, at most SAMPLE_ROWS of them. */
  sample: string[][];
}

export const SAMPLE_ROWS = 3;

export async function readListShape(format: "csv" | "paste", text: string, signal?: AbortSignal): Promise<ListShape> {
  let header: string[] = [];
  let rowCount = 0;
  const sample: string[][] = [];
  try {
    for await (const batch of readRecipientBatches(format, text, { signal })) {
      header = batch.header;
      rowCount += batch.rows.length;
      for (const row of batch.rows) {
        if (sample.length >= SAMPLE_ROWS) break;
        sample.push(row.cells.map((cell) => cell.slice(0, 200)));
      }
    }
  } catch (err) {
    // The reader stops at the row limit with the shared message; a list too long is answered like a file too big.
    if (err instanceof UserFacingError && err.message === tooManyRowsMessage("more")) throw new ContentTooLargeError(err.message);
    throw err;
  }
  if (rowCount === 0) throw new UserFacingError("invalid", NO_ROWS_MESSAGE);
  return { header, rowCount, sample };
}
