// Answers in the shape the SQS JSON protocol expects (contract-streaming.md S.6): application/x-amz-json-1.0, and errors
// with the query-compatible code in x-amzn-query-error next to the JSON shape name in __type.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleSqs, SqsError } from "./sqs-api";
import type { SqsQueues } from "./sqs-queues";

export const SQS_TARGET_PREFIX = "AmazonSQS.";
const CONTENT_TYPE = "application/x-amz-json-1.0";

/** The SQS operation a request names in X-Amz-Target, if it is an SQS request at all. */
export function sqsOperationOf(req: IncomingMessage): string | undefined {
  const target = req.headers["x-amz-target"];
  return typeof target === "string" && target.startsWith(SQS_TARGET_PREFIX) ? target.slice(SQS_TARGET_PREFIX.length) : undefined;
}

/** Runs one SQS request and writes its answer; returns the status and, for an error, its shape for the log. */
export async function answerSqs(
  res: ServerResponse,
  queues: SqsQueues,
  request: Parameters<typeof handleSqs>[1],
): Promise<{ status: number; detail?: string }> {
  try {
    const result = await handleSqs(queues, request);
    // A long poll may outlive its caller, or the simulator closing under it.
    if (!res.destroyed) send(res, 200, {}, result);
    return { status: 200 };
  } catch (err) {
    if (!(err instanceof SqsError)) throw err;
    if (!res.destroyed) {
      send(res, err.status, { "x-amzn-query-error": `${err.queryCode};Sender` }, { __type: `com.amazonaws.sqs#${err.shape}`, message: err.message });
    }
    return { status: err.status, detail: err.shape };
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const payload = JSON.stringify(body ?? {});
  res.writeHead(status, { ...headers, "Content-Type": CONTENT_TYPE, "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}
