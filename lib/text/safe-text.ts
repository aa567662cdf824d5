// Text that can be stored and written back out: PostgreSQL refuses U+0000 in text and jsonb, and an unpaired UTF-16
// surrogate is not a character at all (UTF-8 encoders replace or reject it). Every free-text field of every schema
// goes through safeText(), so such input is a 400 naming the field instead of a failed insert. Pure: forms use it too.
import { z } from "zod";

export const UNSTORABLE_TEXT = "contains a character that cannot be stored (NUL or an unpaired surrogate)";

// Without the u flag the pattern sees UTF-16 code units, so a lone high or low surrogate is found by its neighbours.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Index of the first NUL or unpaired surrogate, or -1. */
export function firstUnstorableIndex(s: string): number {
  return s.search(UNSTORABLE);
}

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** z.string() that refuses NUL and unpaired surrogates; chain .trim(), .min(), .max() as usual. */
export function safeText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, UNSTORABLE_TEXT);
}

/** 1-based line of a position in a text, for errors about pasted or uploaded lists. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A list of lines (CSV or one number per line): refused with the line of the first character that cannot be stored. */
export function safeLines(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).superRefine((text, ctx) => {
    const at = firstUnstorableIndex(text);
    if (at >= 0) ctx.addIssue({ code: "custom", message: `Line ${lineAt(text, at)} ${UNSTORABLE_TEXT}` });
  });
}

/** The text with every NUL and unpaired surrogate replaced by U+FFFD: for keeping an excerpt of input that was refused. */
export function toStorable(s: string): string {
  return s.replace(new RegExp(UNSTORABLE.source, "g"), "\uFFFD");
}
