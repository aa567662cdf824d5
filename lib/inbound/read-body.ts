// Reads a request body up to a limit without holding more than the limit in memory: a declared Content-Length over
// it is refused before reading, and a body streamed without one is cut off as soon as it passes the limit. The bytes
// are returned as sent: the signature covers them, and the caller decides how text that is not UTF-8 is answered.
export async function readBodyUpTo(req: Pick<Request | Response, "headers" | "body">, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
