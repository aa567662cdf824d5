import { describe, expect, it } from "vitest";
import { UserFacingError } from "@/lib/errors";
import { ndjsonResponse } from "./ndjson";

const lines = async (res: Response) =>
  (await res.text())
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("NDJSON answers", () => {
  it("streams progress at most once per interval within a stage, every new stage, then the result", async () => {
    const res = ndjsonResponse(
      async ({ progress }) => {
        for (let rows = 0; rows <= 1000; rows += 100) progress({ stage: "check", rows, total: 1000 });
        progress({ stage: "store", rows: 0, total: 1000 });
        return { done: true };
      },
      { requestId: "r", intervalMs: 60_000 },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(await lines(res)).toEqual([
      { type: "progress", stage: "check", rows: 0, total: 1000 },
      { type: "progress", stage: "store", rows: 0, total: 1000 },
      { type: "result", ok: true, data: { done: true } },
    ]);
  });

  it("ends with the error as a server action reports it", async () => {
    const res = ndjsonResponse(
      async () => {
        throw new UserFacingError("invalid", "The file has no column", { "recipients.mapping.phoneColumn": "No such column" });
      },
      { requestId: "r" },
    );
    expect(await lines(res)).toEqual([
      {
        type: "result",
        ok: false,
        error: { code: "invalid", message: "The file has no column", fields: { "recipients.mapping.phoneColumn": "No such column" } },
      },
    ]);
    const internal = await lines(ndjsonResponse(async () => Promise.reject(new Error("boom")), { requestId: "ref-1" }));
    expect(internal).toEqual([{ type: "result", ok: false, error: { code: "internal", message: expect.stringContaining("ref-1"), ref: "ref-1" } }]);
  });

  it("aborts the work's signal when the reader cancels", async () => {
    let seen: AbortSignal | undefined;
    const stopped = new Promise<unknown>((resolve) => {
      const res = ndjsonResponse(
        async ({ signal, progress }) => {
          seen = signal;
          progress({ stage: "read", rows: 0, total: null });
          await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
        },
        { requestId: "r" },
      );
      const reader = res.body!.getReader();
      void reader.read().then(async () => {
        await reader.cancel();
        resolve(seen?.reason);
      });
    });
    expect(await stopped).toMatchObject({ name: "AbortError" });
    expect(seen?.aborted).toBe(true);
  });
});
