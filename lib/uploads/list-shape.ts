// What an upload records about its list: the header and how many recipient rows it has. The rows themselves are
// read again, mapped and checked when a draft is saved; here they are only counted.
import { UserFacingError } from "@/lib/errors";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "@/lib/recipients/limits";
import { readRecipientList } from "@/lib/recipients/read-list";
import { ContentTooLargeError } from "./too-large";

export const NO_ROWS_MESSAGE = "The file has no recipient rows";

export interface ListShape {
  header: string[];
  rowCount: number;
}

export async function readListShape(format: "csv" | "paste", text: string, signal?: AbortSignal): Promise<ListShape> {
  const table = await readRecipientList(format, text, { signal }).catch((err: unknown) => {
    // The reader stops at the row limit with the shared message; a list too long is answered like a file too big.
    if (err instanceof UserFacingError && err.message === tooManyRowsMessage("more")) throw new ContentTooLargeError(err.message);
    throw err;
  });
  const rowCount = table.rows.length;
  if (rowCount > MAX_RECIPIENT_ROWS) throw new ContentTooLargeError(tooManyRowsMessage(rowCount));
  if (rowCount === 0) throw new UserFacingError("invalid", NO_ROWS_MESSAGE);
  return { header: table.header, rowCount };
}
