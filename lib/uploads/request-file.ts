// The uploaded file out of a request: the raw body (what fetch sends for a File or Blob), or the `file` part of a
// multipart form. Never more than the limit is held: a declared length over it is refused unread, a streamed body is
// cut off as soon as it passes.
import { UserFacingError } from "@/lib/errors";
import { fileTooLarge } from "./too-large";

// A form's boundaries and part headers around the file; a few KB in practice.
const MULTIPART_OVERHEAD = 64 * 1024;

// What browsers and HTTP clients put on a CSV or text file (Windows names .csv after Excel).
const RAW_TYPES = new Set(["", "application/octet-stream", "application/csv", "application/vnd.ms-excel"]);

export interface RequestFile {
  bytes: Uint8Array;
  /** The form part's file name; null for a raw body. */
  fileName: string | null;
  /** A form's `format` field, when it has one. */
  format: string | null;
}

const invalid = (message: string) => new UserFacingError("invalid", message);

export async function readRequestFile(req: Request, maxBytes: number): Promise<RequestFile> {
  const contentType = req.headers.get("content-type") ?? "";
  const type = contentType.split(";", 1)[0]!.trim().toLowerCase();
  const multipart = type === "multipart/form-data";
  if (!multipart && !type.startsWith("text/") && !RAW_TYPES.has(type)) {
    throw invalid(
      `Send the file itself as the body (text/csv, text/plain or application/octet-stream) or as multipart/form-data with a file part; got ${type}.`,
    );
  }
  const cap = multipart ? maxBytes + MULTIPART_OVERHEAD : maxBytes;
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > cap) throw fileTooLarge(declared, maxBytes);

  const body = await readUpTo(req, cap);
  if (body === null) throw fileTooLarge("more", maxBytes);
  if (!multipart) return { bytes: body, fileName: null, format: null };

  // readUpTo concatenates into a fresh ArrayBuffer, never a shared one.
  const form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData().catch(() => {
    throw invalid("The form could not be read. Send the list as multipart/form-data with a file part named file.");
  });
  const file = form.get("file");
  if (!(file instanceof Blob)) throw invalid("The form has no file: send the list in a part named file.");
  if (file.size > maxBytes) throw fileTooLarge(file.size, maxBytes);
  const format = form.get("format");
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file instanceof File ? file.name : null,
    format: typeof format === "string" ? format : null,
  };
}

/**
 * The body up to `maxBytes`, or null past it (the rest is not read). Stops as soon as the client goes away: a
 * disconnect aborts req.signal, and waiting on a body that will never finish would hold the request open.
 */
async function readUpTo(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const stopped = () => invalid("The upload stopped before the whole file arrived. Send it again.");
  const gone = new Promise<never>((_, reject) => {
    if (req.signal.aborted) reject(stopped());
    req.signal.addEventListener("abort", () => reject(stopped()), { once: true });
  });
  gone.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), gone]);
      if (done) return Buffer.concat(chunks);
      size += value.byteLength;
      if (size > maxBytes) return null;
      chunks.push(value);
    }
  } catch (err) {
    throw err instanceof UserFacingError ? err : stopped();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
