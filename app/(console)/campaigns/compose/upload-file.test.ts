import { describe, expect, it } from "vitest";
import { UNREACHABLE_MESSAGE, UNREADABLE_MESSAGE } from "./call-result";
import { fetchUploadInfo, readUploadAnswer, uploadRecipientsFile, uploadUrl } from "./upload-file";

const UPLOAD = {
  id: "0b7c4a52-2d8e-4b8a-9a43-2f1c8d1f0e11",
  format: "csv",
  fileName: "spring list.csv",
  bytes: 120,
  rows: 5,
  header: ["phone", "name", "city"],
  sha256: "ab",
  createdAt: "2026-01-01T00:00:00.000Z",
};

/** Stands in for the browser's XMLHttpRequest: records the request, and the test plays the network's part. */
class FakeRequest {
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = "";
  aborted = false;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

function start(options: { signal?: AbortSignal } = {}) {
  const request = new FakeRequest();
  const sent: [number, number][] = [];
  const file = new File(["phone;name;city\n+12065550100;Ada;Seattle\n"], "spring list.csv", { type: "application/vnd.ms-excel" });
  const result = uploadRecipientsFile(file, {
    ...options,
    onProgress: (done, total) => sent.push([done, total]),
    createRequest: () => request as unknown as XMLHttpRequest,
  });
  return { request, sent, file, result };
}

describe("uploadRecipientsFile", () => {
  it("posts the file itself, reports bytes sent, and returns the stored list", async () => {
    const { request, sent, file, result } = start();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/recipient-uploads?format=csv&fileName=spring%20list.csv");
    expect(request.headers["content-type"]).toBe("text/csv");
    expect(request.body).toBe(file);
    request.upload.onprogress?.({ loaded: 20, total: file.size, lengthComputable: true });
    request.upload.onprogress?.({ loaded: 30, total: 0, lengthComputable: false });
    request.answer(201, JSON.stringify({ upload: UPLOAD }));
    expect(await result).toEqual({ ok: true, data: UPLOAD });
    expect(sent).toEqual([
      [20, file.size],
      [30, file.size],
    ]);
  });

  it("shows the server's reason for a refused file", async () => {
    const { request, result } = start();
    request.answer(413, JSON.stringify({ error: { code: "invalid", message: "The file is larger than 50 MB" } }));
    expect(await result).toEqual({ ok: false, error: { code: "invalid", message: "The file is larger than 50 MB" } });
  });

  it("cancels when the signal aborts, and says so apart from a dropped connection", async () => {
    const controller = new AbortController();
    const { request, result } = start({ signal: controller.signal });
    controller.abort();
    expect(request.aborted).toBe(true);
    expect(await result).toMatchObject({ ok: false, cancelled: true });

    const dropped = start();
    dropped.request.onerror?.();
    expect(await dropped.result).toEqual({ ok: false, error: { code: "unavailable", message: UNREACHABLE_MESSAGE } });
  });
});

describe("readUploadAnswer", () => {
  it("accepts a stored list and refuses an answer of another shape", () => {
    expect(readUploadAnswer(200, JSON.stringify({ upload: UPLOAD }))).toEqual({ ok: true, data: UPLOAD });
    expect(readUploadAnswer(201, JSON.stringify({ upload: { ...UPLOAD, header: "phone" } }))).toMatchObject({
      ok: false,
      error: { message: UNREADABLE_MESSAGE },
    });
    expect(readUploadAnswer(201, "<html></html>")).toMatchObject({ ok: false, error: { message: UNREADABLE_MESSAGE } });
    expect(readUploadAnswer(400, "")).toMatchObject({ ok: false, error: { message: "The server refused the request (HTTP 400)." } });
  });

  it("encodes any file name into the query", () => {
    expect(uploadUrl("a&b=c #1.csv")).toBe("/api/recipient-uploads?format=csv&fileName=a%26b%3Dc%20%231.csv");
  });
});

describe("fetchUploadInfo", () => {
  it("looks the list up by id", async () => {
    let asked = "";
    const res = await fetchUploadInfo(UPLOAD.id, {
      fetch: async (url) => {
        asked = String(url);
        return Response.json({ upload: UPLOAD });
      },
    });
    expect(asked).toBe(`/api/recipient-uploads/${UPLOAD.id}`);
    expect(res).toEqual({ ok: true, data: UPLOAD });
    const gone = await fetchUploadInfo(UPLOAD.id, {
      fetch: async () => Response.json({ error: { code: "not_found", message: "That upload is gone: upload the list again" } }, { status: 404 }),
    });
    expect(gone).toEqual({ ok: false, error: { code: "not_found", message: "That upload is gone: upload the list again" } });
  });
});
