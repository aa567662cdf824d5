import { describe, expect, it } from "vitest";
import { settle } from "./confirm-outcome";

describe("settle", () => {
  it("is done on success and shows the action's own error otherwise", async () => {
    expect(await settle(async () => ({ ok: true as const, data: { id: "k1" } }))).toEqual({ kind: "done" });
    expect(await settle(async () => ({ ok: false as const, error: { code: "conflict", message: "The console needs at least one active admin" } }))).toEqual({
      kind: "error",
      message: "The console needs at least one active admin",
    });
  });

  it("passes a second question on", async () => {
    expect(await settle(async () => ({ next: "drop queued?" }))).toEqual({ kind: "next", next: "drop queued?" });
  });

  it("turns a call that throws into a message instead of a stuck dialog", async () => {
    expect(
      await settle(async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).toEqual({ kind: "error", message: "The server did not answer. Check the connection and try again. (Failed to fetch)" });
    expect(await settle(() => Promise.reject(new Error("")))).toEqual({
      kind: "error",
      message: "The server did not answer. Check the connection and try again.",
    });
  });
});
