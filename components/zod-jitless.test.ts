import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "zod/v4/core";
import { makeZodJitless } from "./zod-jitless";

describe("makeZodJitless", () => {
  it("reaches a zod that loads afterwards: no eval probe, so no CSP report", () => {
    // A process of its own, so that zod is certainly not loaded yet.
    const script = `
      const mod = await import(${JSON.stringify(path.join(__dirname, "zod-jitless.ts"))});
      const { makeZodJitless } = mod.makeZodJitless ? mod : mod.default;
      makeZodJitless();
      const { config, util } = await import("zod/v4/core");
      const { z } = await import("zod");
      const parsed = z.object({ a: z.string() }).parse({ a: "x" });
      console.log(JSON.stringify({ jitless: config().jitless, allowsEval: util.allowsEval.value, parsed }));
    `;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ jitless: true, allowsEval: false, parsed: { a: "x" } });
  });

  it("reaches a zod that was already loaded, keeping the rest of its configuration", () => {
    const before = { ...config() };
    const customError = () => "custom";
    try {
      config({ jitless: false, customError });
      makeZodJitless();
      expect(config()).toMatchObject({ jitless: true, customError });
    } finally {
      config({ jitless: before.jitless, customError: before.customError });
    }
  });
});
