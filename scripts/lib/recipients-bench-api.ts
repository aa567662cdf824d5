// The automation API as the recipients benchmark calls it: JSON requests and a CSV streamed from disk, each with a
// bearer key. An answer other than the expected one becomes an ApiAnswerError that says which route answered what,
// so a route that is missing or changed ends the run with a sentence rather than a stack trace.
import { createReadStream } from "node:fs";

/** A failure the benchmark explains in a sentence; anything else is a bug in the benchmark and keeps its stack. */
export class BenchError extends Error {}

export class ApiAnswerError extends BenchError {
  constructor(
    readonly method: string,
    readonly pathname: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${method} ${pathname.replace(/\?.*$/, "")} answered ${status === 0 ? "nothing" : `HTTP ${status}`}: ${detail}`);
  }

  /** The route is not there (yet): no later call can succeed either. */
  get routeMissing(): boolean {
    return this.status === 404 || this.status === 405;
  }
}

/** The error message of the console's `{ error: { code, message } }` answers, or the start of whatever else came. */
function describe(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return `${body.error.code ?? "error"}: ${body.error.message}`;
  } catch {
    // Not JSON: Next's own 404 page, a proxy's answer, or a truncated body.
  }
  const flat = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat ? `"${flat.slice(0, 200)}${flat.length > 200 ? "…" : ""}"` : "an empty body";
}

export interface ApiCall {
  method: "GET" | "POST" | "PATCH" | "PUT";
  pathname: string;
  /** JSON body, or a file to stream as text/csv. */
  json?: unknown;
  csvFile?: string;
  expect: number;
  timeoutMs: number;
}

export class BenchApi {
  constructor(
    readonly base: string,
    private readonly key: string,
  ) {}

  /** The answer's status and body text, whatever the status; throws only when no answer came. */
  async raw(call: Omit<ApiCall, "expect">): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}` };
    let body: RequestInit["body"];
    if (call.csvFile !== undefined) {
      headers["content-type"] = "text/csv";
      // A Node stream is an async iterable of chunks, which fetch sends as it reads: the file is never held whole here.
      body = createReadStream(call.csvFile) as unknown as RequestInit["body"];
    } else if (call.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(call.json);
    }
    try {
      const res = await fetch(`${this.base}${call.pathname}`, {
        method: call.method,
        headers,
        body,
        signal: AbortSignal.timeout(call.timeoutMs),
        ...(call.csvFile !== undefined ? { duplex: "half" } : {}),
      } as RequestInit);
      return { status: res.status, text: await res.text() };
    } catch (err) {
      const why =
        err instanceof Error && err.name === "TimeoutError"
          ? `no answer within ${Math.round(call.timeoutMs / 1000)} s`
          : `the request failed (${err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)})`;
      throw new ApiAnswerError(call.method, call.pathname, 0, why);
    }
  }

  async call<T>(call: ApiCall): Promise<T> {
    const { status, text } = await this.raw(call);
    if (status !== call.expect) throw new ApiAnswerError(call.method, call.pathname, status, `${describe(text)} (expected HTTP ${call.expect})`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiAnswerError(call.method, call.pathname, status, `the body is not JSON: ${describe(text)}`);
    }
  }
}

export { describe as describeAnswer };

/** Checks that an answer holds what the benchmark reads from it; `what` names those fields for the message. */
export function expectShape<T>(call: Pick<ApiCall, "method" | "pathname">, body: unknown, ok: (b: T) => boolean, what: string): T {
  let fits = false;
  try {
    fits = ok(body as T);
  } catch {
    // A missing parent object: the answer does not fit.
  }
  if (!fits) throw new BenchError(`${call.method} ${call.pathname.replace(/\?.*$/, "")} answered without ${what}: ${JSON.stringify(body).slice(0, 300)}`);
  return body as T;
}
