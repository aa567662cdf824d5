import { describe, expect, it } from "vitest";
import { callAction } from "./call-action";

describe("callAction", () => {
  it("passes results through", async () => {
    expect(await callAction(async () => ({ ok: true as const, data: 1 }))).toEqual({ ok: true, data: 1 });
  });
  it("turns a failed call into an error result", async () => {
    const res = await callAction(async () => {
      throw new Error("Body exceeded 1 MB limit");
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain("Body exceeded 1 MB limit");
  });
});
