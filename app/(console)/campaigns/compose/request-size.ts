// Pasted recipients travel inside the check and save requests. A list too large for them is refused here, before
// sending, with advice to upload it as a file instead: an uploaded list is sent once and named by its id.
import type { ErrorBody } from "@/lib/errors";

/** The largest check or save request the composer sends (60 MB, as server action bodies were). */
export const INLINE_BODY_LIMIT_BYTES = 60 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function tooLargeMessage(bytes: number, limit = INLINE_BODY_LIMIT_BYTES): string {
  return `The pasted recipients are too large to send (limit ${mb(limit)}; this form is ${(bytes / (1024 * 1024)).toFixed(1)} MB). Upload the list as a CSV file instead.`;
}

/** The UTF-8 size of the request body (JSON), near enough to compare with the limit. */
export function requestBytes(input: unknown): number {
  return new TextEncoder().encode(JSON.stringify(input) ?? "").byteLength;
}

/** The refusal for a request over the limit, placed on the pasted text; null when it may be sent. */
export function inlineListTooLarge(input: unknown, limit = INLINE_BODY_LIMIT_BYTES): ErrorBody | null {
  const bytes = requestBytes(input);
  if (bytes <= limit) return null;
  const message = tooLargeMessage(bytes, limit);
  return { code: "invalid", message, fields: { "recipients.text": message } };
}
