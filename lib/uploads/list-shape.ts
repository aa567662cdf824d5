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
}

export async function readListShape(format: "csv" | "paste", text: string, signal?: AbortSignal): Promise<ListShape> {
  let header: string[] = [];
  let rowCount = 0;
  try {
    for await (const batch of readRecipientBatches(format, text, { signal })) {
      header = batch.header;
      rowCount += batch.rows.length;
    }
  } catch (err) {
    // The reader stops at the row limit with the shared message; a list too long is answered like a file too big.
    if (err instanceof UserFacingError && err.message === tooManyRowsMessage("more")) throw new ContentTooLargeError(err.message);
    throw err;
  }
  if (rowCount === 0) throw new UserFacingError("invalid", NO_ROWS_MESSAGE);
  return { header, rowCount };
}
