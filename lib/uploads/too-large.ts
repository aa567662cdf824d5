// Refusals of an upload that is too big, answered 413: the shared error codes stop at 400 for invalid input, and a
// client that retries on 400 should learn instead that the same file will never fit.
import { UserFacingError } from "@/lib/errors";

export const CONTENT_TOO_LARGE = 413;

export class ContentTooLargeError extends UserFacingError {
  readonly status = CONTENT_TOO_LARGE;
  constructor(message: string) {
    super("invalid", message);
    this.name = "ContentTooLargeError";
  }
}

const MB = 1024 * 1024;

/** "63.2 MB", "512 KB", "900 bytes"; rounded up for a file and down for a limit, so the two never read as equal. */
export function formatBytes(bytes: number, round: "up" | "down"): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes >= MB ? [bytes / MB, "MB"] : [bytes / 1024, "KB"];
  const tenths = round === "up" ? Math.ceil(value * 10 - 1e-9) : Math.floor(value * 10 + 1e-9);
  return `${(tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1)} ${unit}`;
}

export function fileTooLarge(bytes: number | "more", maxBytes: number): ContentTooLargeError {
  const limit = formatBytes(maxBytes, "down");
  const size = bytes === "more" ? `more than ${limit}` : formatBytes(bytes, "up");
  return new ContentTooLargeError(`The file is ${size}; the limit is ${limit}. Split the list into smaller files.`);
}
