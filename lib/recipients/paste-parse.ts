// Recipients typed or pasted into the composer: one per line, a phone number optionally followed by a name.
import { RecipientsInputError } from "./input-error";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "./limits";
import type { RecipientRow, RecipientTable } from "./table";

export const PASTE_HEADER = ["phone", "name"] as const;

/**
 * Each non-blank line becomes a row [phone, name]. The first tab, `;` or `,` separates the two. After a tab (a paste
 * from a spreadsheet) the name is the next cell only; after `,` or `;` it is the rest of the line, so "Smith, John" stays whole.
 */
export function parsePastedRecipients(text: string): RecipientTable {
  return { header: [...PASTE_HEADER], rows: [...pastedRows(text)] };
}

/** The rows one at a time, so a long paste can be read in batches; throws once the rows pass the limit. */
export function* pastedRows(text: string): Generator<RecipientRow, void, undefined> {
  const lineEnd = /\r\n|\r|\n/g;
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let count = 0;
  for (let line = 1; ; line++) {
    const end = lineEnd.exec(text);
    const raw = text.slice(from, end === null ? text.length : end.index);
    if (raw.trim() !== "") {
      if (++count > MAX_RECIPIENT_ROWS) throw new RecipientsInputError(tooManyRowsMessage("more"), line);
      yield { line, cells: pastedCells(raw) };
    }
    if (end === null) return;
    from = lineEnd.lastIndex;
  }
}

function pastedCells(raw: string): string[] {
  const at = raw.search(/[\t;,]/);
  if (at === -1) return [raw.trim(), ""];
  const rest = raw.slice(at + 1);
  const name = raw[at] === "\t" ? rest.split("\t", 1)[0]! : rest;
  return [raw.slice(0, at).trim(), unquote(name.trim())];
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value;
}
