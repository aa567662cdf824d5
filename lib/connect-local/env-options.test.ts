import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectLocalOptionsFromEnv as fromProcessEnv, parseFaults } from "./env-options";

// Next's types make NODE_ENV a required member of ProcessEnv.
const connectLocalOptionsFromEnv = (vars: Record<string, string>) => fromProcessEnv(vars as NodeJS.ProcessEnv);

describe("connectLocalOptionsFromEnv", () => {
  it("uses defaults and puts state under DATA_DIR", () => {
    const options = connectLocalOptionsFromEnv({});
    expect(options.port).toBe(4599);
    expect(options.dataDir).toBe(join("./data", "connect-local"));
    expect(options.seedPath).toBeUndefined();
    expect(options.config).toEqual({});
    expect(connectLocalOptionsFromEnv({ DATA_DIR: "/srv/console" }).dataDir).toBe(join("/srv/console", "connect-local"));
  });

  it("prefers CONNECT_LOCAL_DATA and allows in-memory state", () => {
    expect(connectLocalOptionsFromEnv({ DATA_DIR: "/srv", CONNECT_LOCAL_DATA: "/tmp/cl" }).dataDir).toBe("/tmp/cl");
    expect(connectLocalOptionsFromEnv({ CONNECT_LOCAL_DATA: ":memory:" }).dataDir).toBeUndefined();
  });

  it("reads every setting", () => {
    const options = connectLocalOptionsFromEnv({
      CONNECT_LOCAL_PORT: "0",
      CONNECT_LOCAL_HOST: "0.0.0.0",
      CONNECT_LOCAL_SEED: "/seeds/big.json",
      CONNECT_LOCAL_RATE: "2.5",
      CONNECT_LOCAL_BURST: "4",
      CONNECT_LOCAL_MAX_CHATS: "7",
      CONNECT_LOCAL_LATENCY_MS: "25",
      CONNECT_LOCAL_CLOCK_SPEED: "600",
      CONNECT_LOCAL_FAULTS: "InternalServiceException=0.05, ThrottlingException=0.02",
      CONNECT_LOCAL_INITIATION_METHOD: "OUTBOUND",
    });
    expect(options).toMatchObject({ port: 0, host: "0.0.0.0", seedPath: "/seeds/big.json" });
    expect(options.config).toEqual({
      rate: 2.5,
      burst: 4,
      maxActiveChats: 7,
      latencyMs: 25,
      clockSpeed: 600,
      faults: { InternalServiceException: 0.05, ThrottlingException: 0.02 },
      initiationMethod: "OUTBOUND",
    });
  });

  it("names every bad variable in one error", () => {
    let message = "";
    try {
      connectLocalOptionsFromEnv({
        CONNECT_LOCAL_PORT: "99999",
        CONNECT_LOCAL_RATE: "fast",
        CONNECT_LOCAL_BURST: "0",
        CONNECT_LOCAL_CLOCK_SPEED: "-1",
        CONNECT_LOCAL_INITIATION_METHOD: "CARRIER_PIGEON",
      });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ["CONNECT_LOCAL_PORT", "CONNECT_LOCAL_RATE", "CONNECT_LOCAL_BURST", "CONNECT_LOCAL_CLOCK_SPEED", "CONNECT_LOCAL_INITIATION_METHOD"]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('"fast"');
  });

  it("rejects malformed fault tables", () => {
    expect(parseFaults("")).toEqual({});
    expect(parseFaults("Timeout=1")).toEqual({ Timeout: 1 });
    expect(parseFaults("NoSuchFault=0.1")).toMatch(/unknown fault "NoSuchFault"/);
    expect(parseFaults("InternalServiceException")).toMatch(/Name=probability/);
    expect(parseFaults("InternalServiceException=2")).toMatch(/from 0 to 1/);
    expect(parseFaults("InternalServiceException=0.7,ThrottlingException=0.6")).toMatch(/at most 1/);
    expect(() => connectLocalOptionsFromEnv({ CONNECT_LOCAL_FAULTS: "Oops=0.1" })).toThrow(/CONNECT_LOCAL_FAULTS/);
  });
});
