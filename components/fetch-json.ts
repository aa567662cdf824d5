import type { ErrorBody } from "@/lib/errors";

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** GET a console route as JSON; a failure carries the server's deliberate message. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as (T & { error?: ErrorBody }) | null;
  if (!res.ok) throw new ApiRequestError(res.status, body?.error ?? { code: "internal", message: `The server answered ${res.status}` });
  return body as T;
}
