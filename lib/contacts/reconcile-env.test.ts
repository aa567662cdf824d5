// RECONCILE_SECONDS: how often reconciliation runs, 15 s unless set, 0 to turn it off.
import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "@/lib/env-schema";
import { startReconcilerFromEnv } from "./reconcile-env";

const load = (vars: Record<string, string>) => loadEnv({ NODE_ENV: "test", ...vars });

describe("RECONCILE_SECONDS", () => {
  it("defaults to 15 seconds and treats an empty value as unset", () => {
    expect(load({}).RECONCILE_SECONDS).toBe(15);
    expect(load({ RECONCILE_SECONDS: "" }).RECONCILE_SECONDS).toBe(15);
    expect(load({ RECONCILE_SECONDS: "2.5" }).RECONCILE_SECONDS).toBe(2.5);
  });

  it("refuses a negative or non-numeric value, naming the variable", () => {
    expect(() => load({ RECONCILE_SECONDS: "-1" })).toThrow(ConfigError);
    expect(() => load({ RECONCILE_SECONDS: "-1" })).toThrow(/RECONCILE_SECONDS/);
    expect(() => load({ RECONCILE_SECONDS: "often" })).toThrow(/RECONCILE_SECONDS/);
  });

  it("0 starts no reconciler", () => {
    const e = load({ RECONCILE_SECONDS: "0" });
    // No database is touched: with reconciliation off nothing is started.
    expect(startReconcilerFromEnv(undefined as never, e, "http://127.0.0.1:1", () => {})).toBeUndefined();
  });
});
