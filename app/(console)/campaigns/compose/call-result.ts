// What the composer's own HTTP calls (upload, check, save) end in: the server's answer, or a message that says what
// went wrong on the way. A call the user cancelled is marked so the composer can say "cancelled" rather than "failed".
import type { ErrorBody } from "@/lib/errors";

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody; cancelled?: true };

export const UNREACHABLE_MESSAGE = "The server could not be reached. Check the connection and try again.";
export const DROPPED_MESSAGE = "The connection dropped before the server finished. Check the connection and try again.";
export const UNREADABLE_MESSAGE = "The server's answer could not be read. Try again; if it keeps happening, tell an administrator.";

export function cancelledResult(): { ok: false; error: ErrorBody; cancelled: true } {
  return { ok: false, cancelled: true, error: { code: "unavailable", message: "Cancelled." } };
}

export function failure(message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code: "unavailable", message } };
}

/** The `{ error }` the server sent with a refusal, if the body is one. */
function errorInBody(text: string): ErrorBody | null {
  try {
    const body: unknown = JSON.parse(text);
    const error = (body as { error?: unknown } | null)?.error as Partial<ErrorBody> | undefined;
    if (error && typeof error.message === "string" && typeof error.code === "string") return error as ErrorBody;
  } catch {
    // Not JSON: a proxy's or the platform's own page. The status says enough.
  }
  return null;
}

/** The message for a refused request: the server's own when it sent one, else one for the status. */
export function refusal(status: number, text: string): ErrorBody {
  const own = errorInBody(text);
  if (own) return own;
  if (status === 401) return { code: "unauthenticated", message: "You are signed out. Sign in again in another tab, then try again." };
  if (status === 403) return { code: "forbidden", message: "You may not do this." };
  if (status === 413) return { code: "invalid", message: "The request is larger than the server accepts. Upload the list as a smaller file, or split it." };
  if (status >= 500) return { code: "unavailable", message: `The server failed (HTTP ${status}). Try again in a moment.` };
  return { code: "invalid", message: `The server refused the request (HTTP ${status}).` };
}
