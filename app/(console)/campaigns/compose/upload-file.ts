// A chosen CSV goes to the server once, as it is: the browser neither reads nor parses it, so a file of a million rows
// costs the page nothing. XMLHttpRequest, not fetch, because only it reports how many bytes have been sent.
import { UNREACHABLE_MESSAGE, UNREADABLE_MESSAGE, cancelledResult, failure, refusal, type CallResult } from "./call-result";

/** What the server answers about a stored list (POST and GET /api/recipient-uploads). */
export interface RecipientUploadInfo {
  id: string;
  format: string;
  fileName: string | null;
  bytes: number;
  /** Recipient rows: header and blank lines excluded. */
  rows: number;
  header: string[];
  /** The first rows' cells; absent from servers that kept none. */
  sample?: string[][];
  sha256: string;
  createdAt: string;
}

export function uploadUrl(fileName: string): string {
  return `/api/recipient-uploads?format=csv&fileName=${encodeURIComponent(fileName)}`;
}

function isUploadInfo(value: unknown): value is RecipientUploadInfo {
  const u = value as Partial<RecipientUploadInfo> | null;
  return (
    typeof u === "object" &&
    u !== null &&
    typeof u.id === "string" &&
    typeof u.rows === "number" &&
    Array.isArray(u.header) &&
    u.header.every((column) => typeof column === "string")
  );
}

/** The server's answer to an upload or a look-up, as a result. */
export function readUploadAnswer(status: number, text: string): CallResult<RecipientUploadInfo> {
  if (status < 200 || status >= 300) return { ok: false, error: refusal(status, text) };
  try {
    const upload: unknown = (JSON.parse(text) as { upload?: unknown } | null)?.upload;
    if (isUploadInfo(upload)) return { ok: true, data: upload };
  } catch {
    // Falls through to the message below.
  }
  return failure(UNREADABLE_MESSAGE);
}

export interface UploadOptions {
  /** Bytes sent so far, of the file's size. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  /** For tests; a browser XMLHttpRequest otherwise. */
  createRequest?: () => XMLHttpRequest;
}

/** Sends the file as the request body. Resolves (never rejects) with the stored list's details, a refusal, or "cancelled". */
export function uploadRecipientsFile(file: Blob & { name: string }, options: UploadOptions = {}): Promise<CallResult<RecipientUploadInfo>> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.resolve(cancelledResult());
  const xhr = options.createRequest?.() ?? new XMLHttpRequest();
  return new Promise((resolve) => {
    const abort = () => xhr.abort();
    const settle = (result: CallResult<RecipientUploadInfo>) => {
      signal?.removeEventListener("abort", abort);
      resolve(result);
    };
    xhr.open("POST", uploadUrl(file.name));
    // Whatever the system calls the file (Windows says application/vnd.ms-excel for .csv), the body is the list's text.
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => settle(readUploadAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => settle(failure(UNREACHABLE_MESSAGE));
    xhr.ontimeout = () => settle(failure(UNREACHABLE_MESSAGE));
    xhr.onabort = () => settle(cancelledResult());
    signal?.addEventListener("abort", abort, { once: true });
    xhr.send(file);
  });
}

/** The details of a list uploaded earlier (a reopened draft): its header for the column mapping, and its row count. */
export async function fetchUploadInfo(id: string, options: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<CallResult<RecipientUploadInfo>> {
  try {
    const res = await (options.fetch ?? fetch)(`/api/recipient-uploads/${encodeURIComponent(id)}`, { credentials: "same-origin", signal: options.signal });
    return readUploadAnswer(res.status, await res.text());
  } catch {
    return options.signal?.aborted ? cancelledResult() : failure(UNREACHABLE_MESSAGE);
  }
}
