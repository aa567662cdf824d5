// Uploaded bytes to text. Spreadsheets save in many encodings; guessing wrong would silently mangle names,
// so anything that is not UTF-8 is refused with a message that says how to fix it.
import { firstUnstorableIndex, lineAt, UNSTORABLE_TEXT } from "@/lib/text/safe-text";
import { RecipientsInputError } from "./input-error";

const MB = 1024 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 50 * MB;

export interface DecodeOptions {
  /** Largest accepted file in bytes; 50 MB when left out. */
  maxBytes?: number;
}

/** Decodes a recipients file as UTF-8 (dropping a byte order mark) or throws RecipientsInputError. */
export function decodeRecipientsFile(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new RecipientsInputError(`The file is ${formatSize(bytes.byteLength, "up")}; the limit is ${formatSize(maxBytes, "down")}.`);
  }
  // Excel's "Unicode Text" is UTF-16; say so rather than point at byte 0 of line 1.
  if (bytes.byteLength >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new RecipientsInputError("The file is UTF-16 text, not UTF-8. Save it as CSV UTF-8 and upload again.", 1);
  }
  let text: string;
  try {
    // The native decoder is fast and strict; the slow scan below only runs to explain a failure.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfOffset(bytes, firstInvalidUtf8Offset(bytes));
    throw new RecipientsInputError(`The file is not UTF-8 text (invalid byte at line ${line}). Save it as CSV UTF-8 and upload again.`, line);
  }
  // Valid UTF-8 may still hold NUL bytes, which no database column can store: say where, before anything is sent.
  const bad = firstUnstorableIndex(text);
  if (bad >= 0) {
    const line = lineAt(text, bad);
    throw new RecipientsInputError(`Line ${line} ${UNSTORABLE_TEXT}. Remove it and upload again.`, line);
  }
  return text;
}

/** "63.2 MB", "512 KB", "900 bytes". The file size rounds up so a file just over the limit never reads as equal to it. */
function formatSize(bytes: number, round: "up" | "down"): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, "MB"] : bytes >= 1024 ? [bytes / 1024, "KB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} bytes`;
  const tenths = round === "up" ? Math.ceil(value * 10 - 1e-9) : Math.floor(value * 10 + 1e-9);
  return `${(tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1)} ${unit}`;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c < lo || c > hi) return i + k;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Counts line ends the way the CSV parser does (CRLF, LF or a lone CR), so both name the same line. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
