import {
  ConnectClient,
  InternalServiceException,
  ListInstancesCommand,
  SendChatIntegrationEventCommand,
  StartOutboundChatContactCommand,
  ThrottlingException,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { startConnectLocal } from "./server";
import { catalog, fixtures, harnessForFile, outboundChatRequest } from "./test-harness";

const h = harnessForFile();

const start = (client: ConnectClient = h.connect) =>
  client.send(new StartOutboundChatContactCommand(outboundChatRequest() as unknown as StartOutboundChatContactCommandInput));

interface StateView {
  seed: { instances: { id: string; phoneNumbers: number; contactFlows: number }[]; knowledgeBases: { messageTemplates: number }[] };
  counters: {
    contacts: number;
    contactsCreated: number;
    requests: Record<string, number>;
    faultsInjected: Record<string, number>;
    activeChats: Record<string, number>;
  };
  config: typeof DEFAULT_CONFIG;
  clock: { now: string; speed: number };
}
const state = async () => (await h.raw("GET", "/_local/state")).body as unknown as StateView;

describe("/_local/ state, config and reset", () => {
  it("summarises the seed, counters and config", async () => {
    await start();
    const view = await state();
    expect(view.seed.instances).toHaveLength(catalog.instances.length);
    expect(view.seed.instances[0]).toMatchObject({
      id: fixtures.instance.id,
      contactFlows: catalog.flows(fixtures.instance.id).length,
      phoneNumbers: catalog.phoneNumbers.filter((n) => n.instanceId === fixtures.instance.id).length,
    });
    expect(view.counters).toMatchObject({ contacts: 1, contactsCreated: 1, requests: { StartOutboundChatContact: 1 } });
    expect(view.counters.activeChats[fixtures.instance.id]).toBe(1);
    expect(view.config.maxActiveChats).toBe(DEFAULT_CONFIG.maxActiveChats);
  });

  it("applies partial config updates and rejects bad ones without changing anything", async () => {
    const updated = await h.setConfig({ latencyMs: 3, faults: { InternalServiceException: 0.25 } });
    expect(updated).toMatchObject({ latencyMs: 3, faults: { InternalServiceException: 0.25 }, maxActiveChats: DEFAULT_CONFIG.maxActiveChats });

    const bad: [unknown, RegExp][] = [
      [{ rate: -1 }, /rate/],
      [{ burst: 1.5 }, /burst/],
      [{ clockSpeed: 0 }, /clockSpeed/],
      [{ faults: { InternalServiceException: 0.8, ThrottlingException: 0.5 } }, /at most 1/],
      [{ faults: { Gremlins: 0.1 } }, /Gremlins|faults/],
      [{ initiationMethod: "PIGEON" }, /initiationMethod/],
      [{ surprise: true }, /surprise/],
    ];
    for (const [body, message] of bad) {
      const response = await h.raw("PUT", "/_local/config", body);
      expect(response.status).toBe(400);
      expect(response.body.Message).toMatch(message);
    }
    expect((await state()).config).toMatchObject({ latencyMs: 3, faults: { InternalServiceException: 0.25 } });
  });

  it("reset clears contacts, events and counters and restores the starting config", async () => {
    await start();
    await h.raw("PUT", "/_local/config", { maxActiveChats: 3, clockSpeed: 5 });
    await h.raw("POST", "/_local/reset");
    const view = await state();
    expect(view.counters).toMatchObject({ contacts: 0, contactsCreated: 0, requests: {} });
    expect(view.config).toMatchObject({ maxActiveChats: DEFAULT_CONFIG.maxActiveChats, rate: 10_000 });
    expect(view.clock.speed).toBe(1);
    expect((await h.contacts()).contacts).toHaveLength(0);
  });

  it("keeps the simulated clock monotonic across speed changes", async () => {
    const readings: number[] = [];
    for (const speed of [1_000_000, 1, 0.001, 50]) {
      await h.setConfig({ clockSpeed: speed });
      await new Promise((resolve) => setTimeout(resolve, 15));
      readings.push(Date.parse((await state()).clock.now));
    }
    await h.setConfig({ clockSpeed: 1 });
    readings.push(Date.parse((await state()).clock.now));
    expect([...readings].sort((a, b) => a - b)).toEqual(readings);
    expect(readings[0]! - Date.now()).toBeGreaterThan(60_000); // the fast phase moved simulated time well ahead
  });
});

describe("fault injection", () => {
  it("fails before processing: a 500 leaves no contact behind", async () => {
    await h.setConfig({ faults: { InternalServiceException: 1 } });
    const error = await start().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(InternalServiceException);
    expect((error as InternalServiceException).$metadata.httpStatusCode).toBe(500);
    const inbound = await h.connect
      .send(
        new SendChatIntegrationEventCommand({
          SourceId: "+15555550100",
          DestinationId: fixtures.dualNumber.sourcePhoneNumberArn,
          Event: { Type: "MESSAGE", ContentType: "text/plain", Content: "hi" },
        }),
      )
      .catch((err: unknown) => err);
    expect(inbound).toBeInstanceOf(InternalServiceException);
    expect(await h.contacts()).toEqual({ contacts: [], events: [] });
    expect((await state()).counters.faultsInjected).toEqual({ InternalServiceException: 2 });
    // Listings are not subject to faults.
    expect((await h.connect.send(new ListInstancesCommand({}))).InstanceSummaryList?.length).toBe(catalog.instances.length);
  });

  it("injects throttling as the SDK's ThrottlingException", async () => {
    await h.setConfig({ faults: { ThrottlingException: 1 } });
    await expect(start()).rejects.toBeInstanceOf(ThrottlingException);
  });

  it("mixes faults by probability", async () => {
    await h.setConfig({ faults: { InternalServiceException: 0.5 } });
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => start()));
    const failed = results.filter((r) => r.status === "rejected").length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect((await h.contacts()).contacts).toHaveLength(40 - failed);
  });

  it("holds a request past the client's timeout on Timeout, and drops the socket on ConnectionReset", async () => {
    await h.setConfig({ faults: { Timeout: 1 }, timeoutHangMs: 10_000 });
    const impatient = new ConnectClient({
      endpoint: h.server.url,
      region: catalog.region,
      credentials: { accessKeyId: "t", secretAccessKey: "t" },
      maxAttempts: 1,
      requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true },
    });
    const began = Date.now();
    const timedOut = await start(impatient).catch((err: unknown) => err);
    expect((timedOut as Error).name).toBe("TimeoutError");
    expect(Date.now() - began).toBeLessThan(5_000);

    await h.setConfig({ faults: { ConnectionReset: 1 } });
    const reset = await start(impatient).catch((err: unknown) => err);
    expect(reset).toBeInstanceOf(Error);
    expect(`${(reset as NodeJS.ErrnoException).code} ${(reset as Error).message}`).toMatch(/ECONNRESET|socket hang up/);
    impatient.destroy();
    expect((await h.contacts()).contacts).toHaveLength(0);
  });

  it("adds configured latency", async () => {
    await h.setConfig({ latencyMs: 120 });
    const began = performance.now();
    await h.connect.send(new ListInstancesCommand({}));
    expect(performance.now() - began).toBeGreaterThanOrEqual(115);
  });
});

describe("request log", () => {
  it("writes one line per request with operation, status, latency and request id", async () => {
    const lines: string[] = [];
    const server = await startConnectLocal({ port: 0, log: (line) => lines.push(line) });
    try {
      const ok = await fetch(`${server.url}/instance`);
      const bad = await fetch(`${server.url}/contact/outbound-chat`, { method: "PUT", body: "{}" });
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(new RegExp(`ListInstances 200 \\d+ms ${ok.headers.get("x-amzn-requestid")}$`));
      expect(lines[1]).toMatch(new RegExp(`StartOutboundChatContact 400 InvalidRequestException \\d+ms ${bad.headers.get("x-amzn-requestid")}$`));
    } finally {
      await server.close();
    }
  });
});
