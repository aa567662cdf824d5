import { describe, expect, it } from "vitest";
import { trustsProxy } from "./trust-proxy";

describe("TRUST_PROXY", () => {
  it("is on only for 1, true or yes", () => {
    for (const v of ["1", "true", "TRUE", "yes"]) expect(trustsProxy({ TRUST_PROXY: v })).toBe(true);
    for (const v of [undefined, "", "0", "false", "no", "on-ish"]) expect(trustsProxy({ TRUST_PROXY: v })).toBe(false);
  });
});
