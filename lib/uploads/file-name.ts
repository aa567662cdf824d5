// A file name as the browser or client gave it, made safe to store and show: no folders (old browsers send
// "C:\fakepath\list.csv"), no control characters, nothing the database cannot store, at most 255 characters.
import { toStorable } from "@/lib/text/safe-text";

export const MAX_FILE_NAME_LENGTH = 255;

/** The cleaned name, or null when nothing printable is left. */
export function sanitizeFileName(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const base = raw.split(/[\\/]/).pop() ?? "";
  // Tabs and line breaks become spaces; other control and format characters (bidi overrides that disguise ".exe")
  // are dropped.
  const printable = toStorable(base)
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim();
  if (printable === "") return null;
  if (printable.length <= MAX_FILE_NAME_LENGTH) return printable;
  // 255 UTF-16 units, as the campaign schema counts a file name, cut between characters so an emoji at the limit
  // does not leave half a surrogate pair behind.
  let cut = "";
  for (const ch of printable) {
    if (cut.length + ch.length > MAX_FILE_NAME_LENGTH) break;
    cut += ch;
  }
  return cut.trimEnd();
}
