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
      CONNECT_LOCAL_NUMBER_THROUGHPUT: "on",
      CONNECT_LOCAL_WHATSAPP_MESSAGING_LIMIT: "2000",
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
      enforceNumberThroughput: true,
      enforceWhatsAppMessagingLimit: true,
      whatsAppMessagingLimit: 2000,
    });
  });

  it("reads the WhatsApp messaging limit as off, the seed's, or one tier for every account", () => {
    const limit = (value: string) => connectLocalOptionsFromEnv({ CONNECT_LOCAL_WHATSAPP_MESSAGING_LIMIT: value }).config;
    expect(limit("off")).toEqual({ enforceWhatsAppMessagingLimit: false });
    expect(limit("seed")).toEqual({ enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: null });
    expect(limit("250")).toEqual({ enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: 250 });
    expect(limit("100,000")).toEqual({ enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: 100_000 });
    expect(limit("unlimited")).toEqual({ enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: "UNLIMITED" });
    expect(connectLocalOptionsFromEnv({ CONNECT_LOCAL_NUMBER_THROUGHPUT: "off" }).config).toEqual({ enforceNumberThroughput: false });
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
        CONNECT_LOCAL_NUMBER_THROUGHPUT: "yes",
        CONNECT_LOCAL_WHATSAPP_MESSAGING_LIMIT: "500",
      });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ["CONNECT_LOCAL_PORT", "CONNECT_LOCAL_RATE", "CONNECT_LOCAL_BURST", "CONNECT_LOCAL_CLOCK_SPEED", "CONNECT_LOCAL_INITIATION_METHOD"]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('"fast"');
    expect(message).toContain('CONNECT_LOCAL_NUMBER_THROUGHPUT must be on or off (got "yes")');
    expect(message).toContain('CONNECT_LOCAL_WHATSAPP_MESSAGING_LIMIT must be off, seed or one of 250, 2000, 10000, 100000, UNLIMITED (got "500")');
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
