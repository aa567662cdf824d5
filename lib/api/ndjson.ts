import "server-only";
// Long work answered as newline-delimited JSON: progress lines while it runs (at most one per interval), then one
// result line in the shape of a server action's result. Request errors (bad JSON, bad input, refusals) are answered
// before the stream starts, as plain JSON errors with their status; once streaming, the status is 200 and the result
// line says how it ended.
import { toErrorBody } from "@/lib/errors";

export interface StreamProgress {
  stage: "read" | "check" | "store";
  rows: number;
  total: number | null;
}

export interface StreamWork<T> {
  (ctx: { progress: (p: StreamProgress) => void; signal: AbortSignal }): Promise<T>;
}

export const NDJSON_CONTENT_TYPE = "application/x-ndjson";

/**
 * Runs `work` and streams its progress and result. The signal handed to `work` aborts when the client goes away
 * (the request's signal, or the response stream cancelled); the work decides what it can still stop.
 */
export function ndjsonResponse<T>(work: StreamWork<T>, o: { request?: Request; requestId: string; intervalMs?: number }): Response {
  const interval = o.intervalMs ?? 250;
  const aborter = new AbortController();
  const abort = () => aborter.abort(new DOMException("The client went away", "AbortError"));
  // Held until the work ends: a Request's signal follows the client's only while the Request itself is reachable.
  let request = o.request;
  request?.signal.addEventListener("abort", abort, { once: true });
  const encoder = new TextEncoder();
  let open = true;

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch {
          open = false;
        }
      };
      let last = -Infinity;
      let lastStage: string | undefined;
      const progress = (p: StreamProgress) => {
        const now = performance.now();
        // A new stage always shows; within a stage, one line per interval is plenty for a progress bar.
        if (p.stage === lastStage && now - last < interval) return;
        last = now;
        lastStage = p.stage;
        send({ type: "progress", stage: p.stage, rows: p.rows, total: p.total });
      };
      try {
        const data = await work({ progress, signal: aborter.signal });
        send({ type: "result", ok: true, data });
      } catch (err) {
        // Nobody is left to read an answer to a cancelled request, and the cancellation itself is not an error to log.
        const cancelled = aborter.signal.aborted && (err === aborter.signal.reason || (err instanceof Error && err.name === "AbortError"));
        if (!cancelled) send({ type: "result", ok: false, error: toErrorBody(err, o.requestId) });
      } finally {
        request?.signal.removeEventListener("abort", abort);
        request = undefined;
        if (open) {
          open = false;
          try {
            controller.close();
          } catch {
            // Already closed by a cancel.
          }
        }
      }
    },
    cancel() {
      open = false;
      abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": `${NDJSON_CONTENT_TYPE}; charset=utf-8`,
      "cache-control": "no-store",
      // Proxies that buffer answers would hold every progress line until the end.
      "x-accel-buffering": "no",
      "x-request-id": o.requestId,
    },
  });
}
