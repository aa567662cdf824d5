// The composer sends the whole recipient list with every check and save. Next refuses a server-action body over its
// limit (next.config.mjs serverActions.bodySizeLimit) before our code runs, and the browser then sees only a failed
// call: so the size is measured before sending, and a call that fails anyway still ends in a message that says why.
import type { ActionResult } from "@/lib/actions/safe-action";

/** next.config.mjs `serverActions.bodySizeLimit` ("60mb"), in bytes. */
export const ACTION_BODY_LIMIT_BYTES = 60 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function tooLargeMessage(bytes: number, limit = ACTION_BODY_LIMIT_BYTES): string {
  return `The recipient list is too large to send (limit ${mb(limit)}; this form is ${(bytes / (1024 * 1024)).toFixed(1)} MB). Split the list into smaller campaigns or remove columns you do not use.`;
}

/** The UTF-8 size of the input as the action call sends it (JSON), near enough to compare with the limit. */
export function requestBytes(input: unknown): number {
  return new TextEncoder().encode(JSON.stringify(input) ?? "").byteLength;
}

// What Next and the browser say when the body was refused or the call never got an answer.
const TOO_LARGE = /body exceeded|payload too large|request entity too large|\b413\b/i;

export async function callComposerAction<T>(input: unknown, run: () => Promise<ActionResult<T>>, limit = ACTION_BODY_LIMIT_BYTES): Promise<ActionResult<T>> {
  const bytes = requestBytes(input);
  if (bytes > limit)
    return { ok: false, error: { code: "invalid", message: tooLargeMessage(bytes, limit), fields: { "recipients.text": tooLargeMessage(bytes, limit) } } };
  try {
    return await run();
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (TOO_LARGE.test(text)) return { ok: false, error: { code: "invalid", message: tooLargeMessage(bytes, limit) } };
    return {
      ok: false,
      error: {
        code: "unavailable",
        message: "The server could not take this request (the connection dropped or it refused the form). Check the connection and try again.",
      },
    };
  }
}
