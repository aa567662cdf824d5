import { describe, expect, it } from "vitest";
import { callComposerAction, requestBytes } from "./call-composer-action";

const ok = async () => ({ ok: true as const, data: 1 });

describe("callComposerAction", () => {
  it("passes the action's own answer through", async () => {
    expect(await callComposerAction({ a: 1 }, ok)).toEqual({ ok: true, data: 1 });
  });

  it("refuses a form over the body limit with a clear message, without calling the server", async () => {
    let called = false;
    const input = { recipients: { text: "+12065550100,Ann\n".repeat(100) } };
    const res = await callComposerAction(
      input,
      async () => {
        called = true;
        return { ok: true as const, data: 1 };
      },
      1024,
    );
    expect(called).toBe(false);
    expect(res).toMatchObject({
      ok: false,
      error: { code: "invalid", message: expect.stringMatching(/^The recipient list is too large to send \(limit 0 MB; this form is 0\.0 MB\)/) },
    });
    expect(requestBytes(input)).toBeGreaterThan(1024);
  });

  it("explains a body the server refused as too large, and any other failed call, instead of throwing", async () => {
    const refused = await callComposerAction({}, async () => {
      throw new Error("Body exceeded 60mb limit.");
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "invalid", message: expect.stringMatching(/^The recipient list is too large to send \(limit 60 MB/) },
    });
    const dropped = await callComposerAction({}, async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(dropped).toMatchObject({ ok: false, error: { code: "unavailable", message: expect.stringContaining("could not take this request") } });
  });
});
