// Check and save answer with a stream of JSON lines: progress while the server reads, checks and stores the rows,
// then one result line. Reading it line by line lets the composer show live progress and cancel a long check.
import type { ErrorBody } from "@/lib/errors";
import { DROPPED_MESSAGE, UNREACHABLE_MESSAGE, UNREADABLE_MESSAGE, cancelledResult, failure, refusal, type CallResult } from "./call-result";

export type WorkStage = "read" | "check" | "store";

export interface StageProgress {
  stage: WorkStage;
  rows: number;
  /** Rows expected in all, when the server knows. */
  total: number | null;
}

export const ENDED_MESSAGE = "The server stopped before it finished (no result came back). Try again; if it keeps happening, tell an administrator.";

const STAGES = new Set<string>(["read", "check", "store"]);

export interface StreamCallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: StageProgress) => void;
  /** For tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

/** POSTs `body` as JSON and follows the answer's progress lines to its result. Never throws. */
export async function streamCall<T>(url: string, body: unknown, options: StreamCallOptions = {}): Promise<CallResult<T>> {
  const { signal } = options;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch {
    return signal?.aborted ? cancelledResult() : failure(UNREACHABLE_MESSAGE);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    return { ok: false, error: refusal(response.status, text) };
  }
  if (!response.body) return failure(UNREADABLE_MESSAGE);
  return readResult<T>(response.body, options);
}

type Line = { kind: "progress"; progress: StageProgress } | { kind: "result"; result: CallResult<unknown> } | { kind: "other" } | { kind: "bad" };

function parseLine(text: string): Line {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "bad" };
  }
  if (typeof value !== "object" || value === null) return { kind: "bad" };
  const line = value as Record<string, unknown>;
  if (line.type === "progress") {
    const { stage, rows, total } = line;
    if (typeof stage !== "string" || !STAGES.has(stage) || typeof rows !== "number" || (total !== null && total !== undefined && typeof total !== "number")) {
      return { kind: "bad" };
    }
    return { kind: "progress", progress: { stage: stage as WorkStage, rows, total: typeof total === "number" ? total : null } };
  }
  if (line.type === "result") {
    if (line.ok === true) return { kind: "result", result: { ok: true, data: line.data } };
    const error = line.error as { code?: unknown; message?: unknown } | undefined;
    if (line.ok === false && typeof error?.message === "string" && typeof error.code === "string") {
      return { kind: "result", result: { ok: false, error: error as ErrorBody } };
    }
    return { kind: "bad" };
  }
  // A line of a kind this page does not know yet (a newer server): not ours to act on.
  return { kind: "other" };
}

/** Reads newline-delimited JSON to its result line; lines may arrive split across chunks. */
export async function readResult<T>(body: ReadableStream<Uint8Array>, options: Pick<StreamCallOptions, "signal" | "onProgress"> = {}): Promise<CallResult<T>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  const release = () => void reader.cancel().catch(() => undefined);

  // Returns the call's end when a line ends it, undefined to go on reading.
  const take = (text: string): CallResult<T> | undefined => {
    const trimmed = text.trim();
    if (trimmed === "") return undefined;
    const line = parseLine(trimmed);
    if (line.kind === "bad") return failure(UNREADABLE_MESSAGE);
    if (line.kind === "progress") options.onProgress?.(line.progress);
    if (line.kind === "result") return line.result as CallResult<T>;
    return undefined;
  };

  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return options.signal?.aborted ? cancelledResult() : failure(DROPPED_MESSAGE);
    }
    pending += chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const text of lines) {
      const end = take(text);
      if (end) {
        release();
        return end;
      }
    }
    if (chunk.done) {
      // A last line without its newline still counts.
      return take(pending) ?? (options.signal?.aborted ? cancelledResult() : failure(ENDED_MESSAGE));
    }
  }
}

/** Whether the answer was lost on the way (dropped or cut short), as opposed to a refusal the server sent. */
export function answerLost(error: { message: string }): boolean {
  return error.message === DROPPED_MESSAGE || error.message === ENDED_MESSAGE;
}
