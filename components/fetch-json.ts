import type { ErrorBody } from "@/lib/errors";

/** A console route's refusal or failure, with the server's error body so a form can put each field's message by its field. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** Call a console route and read its JSON answer; a failure carries the server's deliberate message. */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (err) {
    // A cancelled query must stay a cancellation, not turn into an error message.
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiRequestError(0, { code: "unavailable", message: "Could not reach the server. Check your connection and try again." });
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: ErrorBody }) | null;
  if (!res.ok) throw new ApiRequestError(res.status, body?.error ?? { code: "internal", message: `The server answered ${res.status}. Try again.` });
  return body as T;
}

/** GET a console route as JSON. */
export function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(url, { signal });
}
