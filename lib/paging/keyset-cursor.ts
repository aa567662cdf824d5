// Keyset cursors for paged lists (campaign history, contacts, inbound messages): the sort key and tiebreaker of the
// last row shown, opaque to callers.
// A cursor that does not decode is the caller's mistake, answered with a 400 rather than an empty page.
import { UserFacingError } from "@/lib/errors";

export type CursorValue = string | number | null;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** The values, checked against the expected kinds ("s" string, "n" integer, "s?" string or null). */
export function decodeCursor(cursor: string, kinds: readonly ("s" | "n" | "s?")[]): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  const ok =
    Array.isArray(values) &&
    values.length === kinds.length &&
    kinds.every((kind, i) => {
      const v: unknown = values[i];
      if (kind === "n") return Number.isSafeInteger(v);
      if (kind === "s?") return v === null || typeof v === "string";
      return typeof v === "string";
    });
  if (!ok)
    throw new UserFacingError("invalid", "This cursor is not valid here: use nextCursor of the previous page with the same filters", {
      cursor: "Use nextCursor of the previous page",
    });
  return values as CursorValue[];
}
