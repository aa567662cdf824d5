// RECONCILE_SECONDS: how often reconciliation runs, 15 s unless set, 0 to turn it off.
import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "@/lib/env-schema";
import { startReconcilerFromEnv } from "./reconcile-env";

describe("RECONCILE_SECONDS", () => {
  it("defaults to 15 seconds and treats an empty value as unset", () => {
    expect(loadEnv({}).RECONCILE_SECONDS).toBe(15);
    expect(loadEnv({ RECONCILE_SECONDS: "" }).RECONCILE_SECONDS).toBe(15);
    expect(loadEnv({ RECONCILE_SECONDS: "2.5" }).RECONCILE_SECONDS).toBe(2.5);
  });

  it("refuses a negative or non-numeric value, naming the variable", () => {
    expect(() => loadEnv({ RECONCILE_SECONDS: "-1" })).toThrow(ConfigError);
    expect(() => loadEnv({ RECONCILE_SECONDS: "-1" })).toThrow(/RECONCILE_SECONDS/);
    expect(() => loadEnv({ RECONCILE_SECONDS: "often" })).toThrow(/RECONCILE_SECONDS/);
  });

  it("0 starts no reconciler", () => {
    const e = loadEnv({ RECONCILE_SECONDS: "0" });
    // No database is touched: with reconciliation off nothing is started.
    expect(startReconcilerFromEnv(undefined as never, e, "http://127.0.0.1:1", () => {})).toBeUndefined();
  });
});
