// Recipients typed or pasted into the composer: one per line, a phone number optionally followed by a name.
import type { RecipientRow, RecipientTable } from "./table";

export const PASTE_HEADER = ["phone", "name"] as const;

/**
 * Each non-blank line becomes a row [phone, name]. The first tab, `;` or `,` separates the two. After a tab (a paste
 * from a spreadsheet) the name is the next cell only; after `,` or `;` it is the rest of the line, so "Smith, John" stays whole.
 */
export function parsePastedRecipients(text: string): RecipientTable {
  const rows: RecipientRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    if (raw.trim() === "") continue;
    const at = raw.search(/[\t;,]/);
    if (at === -1) {
      rows.push({ line: index + 1, cells: [raw.trim(), ""] });
      continue;
    }
    const rest = raw.slice(at + 1);
    const name = raw[at] === "\t" ? rest.split("\t", 1)[0]! : rest;
    rows.push({ line: index + 1, cells: [raw.slice(0, at).trim(), unquote(name.trim())] });
  }
  return { header: [...PASTE_HEADER], rows };
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value;
}
