import { describe, expect, it } from "vitest";
import { DROPPED_MESSAGE, UNREACHABLE_MESSAGE, UNREADABLE_MESSAGE } from "./call-result";
import { ENDED_MESSAGE, readResult, streamCall, type StageProgress } from "./stream-call";

const encoder = new TextEncoder();

/** A body that delivers exactly these chunks, then ends (or fails, when `fail` is given). */
function body(chunks: (string | Uint8Array)[], fail?: Error): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) {
        const chunk = chunks[i++]!;
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      } else if (fail) controller.error(fail);
      else controller.close();
    },
  });
}

const ndjson = (stream: ReadableStream<Uint8Array>, status = 200) => new Response(stream, { status, headers: { "content-type": "application/x-ndjson" } });

function recorder() {
  const seen: StageProgress[] = [];
  return { seen, onProgress: (p: StageProgress) => seen.push(p) };
}

describe("readResult", () => {
  it("reports each progress line and returns the result's data", async () => {
    const { seen, onProgress } = recorder();
    const res = await readResult(
      body([
        '{"type":"progress","stage":"read","rows":0,"total":null}\n',
        '{"type":"progress","stage":"check","rows":500,"total":1000}\n{"type":"progress","stage":"store","rows":1000,"total":1000}\n',
        '{"type":"result","ok":true,"data":{"campaignId":"c1"}}\n',
      ]),
      { onProgress },
    );
    expect(res).toEqual({ ok: true, data: { campaignId: "c1" } });
    expect(seen).toEqual([
      { stage: "read", rows: 0, total: null },
      { stage: "check", rows: 500, total: 1000 },
      { stage: "store", rows: 1000, total: 1000 },
    ]);
  });

  it("joins lines split across chunks, including a character split between its bytes", async () => {
    const { seen, onProgress } = recorder();
    const result = encoder.encode('{"type":"result","ok":true,"data":{"name":"Zoë"}}');
    // "ë" is two bytes in UTF-8; cut between them.
    const cut = result.indexOf(0xc3) + 1;
    const res = await readResult(body(['{"type":"progr', 'ess","stage":"check","rows":7,', '"total":9}\r\n', result.slice(0, cut), result.slice(cut)]), {
      onProgress,
    });
    expect(seen).toEqual([{ stage: "check", rows: 7, total: 9 }]);
    // The last line counts without its newline.
    expect(res).toEqual({ ok: true, data: { name: "Zoë" } });
  });

  it("passes the server's refusal through with its field errors", async () => {
    const res = await readResult(
      body([
        '{"type":"progress","stage":"read","rows":3,"total":null}\n',
        '{"type":"result","ok":false,"error":{"code":"invalid","message":"No phone column","fields":{"recipients.mapping.phoneColumn":"Choose the phone column"}}}\n',
      ]),
    );
    expect(res).toEqual({
      ok: false,
      error: { code: "invalid", message: "No phone column", fields: { "recipients.mapping.phoneColumn": "Choose the phone column" } },
    });
  });

  it("says the server stopped when the stream ends without a result", async () => {
    const { seen, onProgress } = recorder();
    const res = await readResult(body(['{"type":"progress","stage":"check","rows":10,"total":20}\n']), { onProgress });
    expect(res).toEqual({ ok: false, error: { code: "unavailable", message: ENDED_MESSAGE } });
    expect(seen).toHaveLength(1);
    expect(await readResult(body([]))).toMatchObject({ ok: false, error: { message: ENDED_MESSAGE } });
  });

  it("says the connection dropped when reading fails part-way", async () => {
    const res = await readResult(body(['{"type":"progress","stage":"read","rows":1,"total":null}\n'], new TypeError("network error")));
    expect(res).toEqual({ ok: false, error: { code: "unavailable", message: DROPPED_MESSAGE } });
  });

  it("refuses a line that is not JSON or not the expected shape, and ignores kinds of line it does not know", async () => {
    expect(await readResult(body(["<html>Sign in</html>\n"]))).toMatchObject({ ok: false, error: { message: UNREADABLE_MESSAGE } });
    expect(await readResult(body(['{"type":"progress","stage":"guess","rows":1,"total":null}\n']))).toMatchObject({
      ok: false,
      error: { message: UNREADABLE_MESSAGE },
    });
    expect(await readResult(body(['{"type":"result","ok":false,"error":"nope"}\n']))).toMatchObject({ ok: false, error: { message: UNREADABLE_MESSAGE } });
    expect(await readResult(body(['{"type":"heartbeat"}\n', '{"type":"result","ok":true,"data":1}\n']))).toEqual({ ok: true, data: 1 });
  });

  it("stops at the result line and releases the stream", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"type":"result","ok":true,"data":2}\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readResult(stream)).toEqual({ ok: true, data: 2 });
    expect(cancelled).toBe(true);
  });
});

describe("streamCall", () => {
  it("posts the body as JSON with the abort signal, and reads the streamed answer", async () => {
    let sent: { url: string; init: RequestInit } | undefined;
    const controller = new AbortController();
    const res = await streamCall(
      "/api/campaigns/check",
      { campaign: { name: "Spring" } },
      {
        signal: controller.signal,
        fetch: async (url, init) => {
          sent = { url: String(url), init: init! };
          return ndjson(body(['{"type":"result","ok":true,"data":{"total":5}}\n']));
        },
      },
    );
    expect(res).toEqual({ ok: true, data: { total: 5 } });
    expect(sent?.url).toBe("/api/campaigns/check");
    expect(sent?.init.method).toBe("POST");
    expect(JSON.parse(String(sent?.init.body))).toEqual({ campaign: { name: "Spring" } });
    expect(new Headers(sent?.init.headers).get("content-type")).toBe("application/json");
    expect(sent?.init.signal).toBe(controller.signal);
  });

  it("returns the JSON error of a refusal before streaming, and a message by status when there is none", async () => {
    const refused = await streamCall(
      "/x",
      {},
      {
        fetch: async () => Response.json({ error: { code: "invalid", message: "Name the campaign", fields: { name: "Name the campaign" } } }, { status: 400 }),
      },
    );
    expect(refused).toEqual({ ok: false, error: { code: "invalid", message: "Name the campaign", fields: { name: "Name the campaign" } } });
    const tooLarge = await streamCall("/x", {}, { fetch: async () => new Response("<html>413</html>", { status: 413 }) });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: "invalid", message: expect.stringContaining("larger than the server accepts") } });
    const signedOut = await streamCall("/x", {}, { fetch: async () => new Response("", { status: 401 }) });
    expect(signedOut).toMatchObject({ ok: false, error: { code: "unauthenticated", message: expect.stringContaining("signed out") } });
    const broken = await streamCall("/x", {}, { fetch: async () => new Response("Bad gateway", { status: 502 }) });
    expect(broken).toMatchObject({ ok: false, error: { code: "unavailable", message: "The server failed (HTTP 502). Try again in a moment." } });
  });

  it("tells a failed connection from a cancelled one", async () => {
    const offline = await streamCall(
      "/x",
      {},
      {
        fetch: async () => {
          throw new TypeError("Failed to fetch");
        },
      },
    );
    expect(offline).toEqual({ ok: false, error: { code: "unavailable", message: UNREACHABLE_MESSAGE } });

    const controller = new AbortController();
    controller.abort();
    const before = await streamCall(
      "/x",
      {},
      {
        signal: controller.signal,
        fetch: async () => {
          throw new DOMException("The operation was aborted.", "AbortError");
        },
      },
    );
    expect(before).toMatchObject({ ok: false, cancelled: true });
  });

  it("ends as cancelled when the user aborts while the answer streams", async () => {
    const controller = new AbortController();
    const { seen, onProgress } = recorder();
    // A server still working: one progress line, then nothing until the request is aborted.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode('{"type":"progress","stage":"check","rows":100,"total":1000}\n'));
        controller.signal.addEventListener("abort", () => c.error(new DOMException("aborted", "AbortError")));
      },
    });
    const call = streamCall("/x", {}, { signal: controller.signal, onProgress, fetch: async () => ndjson(stream) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([{ stage: "check", rows: 100, total: 1000 }]);
    controller.abort();
    expect(await call).toMatchObject({ ok: false, cancelled: true });
  });
});
