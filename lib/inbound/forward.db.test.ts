// Forwarding against the simulator: a refused event fails alone and its chat moves on, configuration errors hold
// the chat with a visible reason, and several forwarders at once still send each message once and in order.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { chatEvents, inboundMessages } from "@/lib/db/schema";
import type { DatabaseHandle, Db } from "@/lib/db/types";
import { startSim, waitFor, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { createTestDb } from "@/lib/testing/test-db";
import { claimChatHead, forwardChatHead, forwardClaimed, drainChat } from "./forward";
import { startInboundForwarder } from "./forwarder";
import { SMS_NUMBER, eventsFrom, insertIntegration } from "./inbound-test-kit";
import { listIntegrations } from "./queries";

const FAST = { retryBaseMs: 20, retryMaxMs: 100, systemicBaseMs: 20, systemicMaxMs: 100 };

async function queue(db: Db, integrationId: string, from: string, texts: string[]) {
  return db
    .insert(inboundMessages)
    .values(
      texts.map((text, i) => ({
        integrationId,
        messageId: `${from}-${text}-${i}-${Math.random()}`,
        fromPhone: from,
        toPhone: SMS_NUMBER,
        type: "message",
        text,
      })),
    )
    .returning();
}

describe("forwarding inbound messages", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let integrationId: string;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 10_000, burst: 10_000 });
    integrationId = (await insertIntegration(h.db, sim, { name: "Bridge" })).integration.id;
  });
  beforeEach(async () => {
    await sim.setConfig({ faults: {}, latencyMs: 0 });
  });
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  const status = async (id: number) => (await h.db.select().from(inboundMessages).where(eq(inboundMessages.id, id)))[0]!;

  it("sends only the head of a chat", async () => {
    const [first, second] = await queue(h.db, integrationId, "+12065550200", ["first", "second"]);
    expect(await claimChatHead(h.db, { integrationId, fromPhone: "+12065550200" }, 60_000, second!.id)).toBeUndefined();
    expect(await drainChat({ db: h.db, gateway: sim.gateway }, { integrationId, fromPhone: "+12065550200" }, 10)).toBe(2);
    expect((await eventsFrom(sim, "+12065550200")).map((e) => e.request.Event.Content)).toEqual(["first", "second"]);
    expect([(await status(first!.id)).status, (await status(second!.id)).status]).toEqual(["forwarded", "forwarded"]);
  });

  it("fails a message Connect refuses, records the failed event, and lets the chat's next message go", async () => {
    // An empty content is refused by SendChatIntegrationEvent (InvalidRequestException); the route never stores one.
    const [bad, good] = await queue(h.db, integrationId, "+12065550201", ["", "after the refused one"]);
    expect(await drainChat({ db: h.db, gateway: sim.gateway }, { integrationId, fromPhone: "+12065550201" }, 10)).toBe(2);
    expect(await status(bad!.id)).toMatchObject({ status: "failed", lastErrorName: "InvalidRequestException", nextAttemptAt: null, attempts: 1 });
    expect(await status(good!.id)).toMatchObject({ status: "forwarded" });
    const [failedEvent] = await h.db.select().from(chatEvents).where(eq(chatEvents.inboundMessageId, bad!.id));
    expect(failedEvent).toMatchObject({ origin: "inbound", status: "failed", errorName: "InvalidRequestException", contactId: null });
    expect((await eventsFrom(sim, "+12065550201")).map((e) => e.request.Event.Content)).toEqual(["after the refused one"]);
  });

  it("holds a chat on AccessDenied with a longer backoff, shows why on the integration, and resumes once fixed", async () => {
    await sim.setConfig({ faults: { AccessDeniedException: 1 } });
    const [held, behind] = await queue(h.db, integrationId, "+12065550202", ["held", "behind"]);
    const outcome = await forwardChatHead({ db: h.db, gateway: sim.gateway }, { integrationId, fromPhone: "+12065550202" });
    expect(outcome).toMatchObject({ status: "queued", error: { name: "AccessDeniedException", kind: "systemic" } });
    const row = await status(held!.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastErrorName: "AccessDeniedException" });
    // The default policy waits 15–30 s after a configuration error, against 0.5–1 s after throttling.
    expect(row.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(10_000);
    expect(await forwardChatHead({ db: h.db, gateway: sim.gateway }, { integrationId, fromPhone: "+12065550202" })).toBeUndefined();
    const [listed] = (await listIntegrations(h.db)).filter((i) => i.id === integrationId);
    expect(listed!.held).toMatchObject({ name: "AccessDeniedException", attempts: 1 });
    expect(listed!.counts.queued).toBe(2);
    expect(JSON.stringify(listed)).not.toMatch(/secret_?ciphertext|secretCiphertext/i);

    await sim.setConfig({ faults: {} });
    await h.db
      .update(inboundMessages)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(inboundMessages.id, held!.id));
    expect(await drainChat({ db: h.db, gateway: sim.gateway }, { integrationId, fromPhone: "+12065550202" }, 10)).toBe(2);
    expect([(await status(held!.id)).status, (await status(behind!.id)).status]).toEqual(["forwarded", "forwarded"]);
    expect((await listIntegrations(h.db)).find((i) => i.id === integrationId)!.held).toBeNull();
  });

  it("does not let a forwarder whose lease ran out overwrite the one that took over", async () => {
    const [m] = await queue(h.db, integrationId, "+12065550203", ["slow"]);
    const chat = { integrationId, fromPhone: "+12065550203" };
    const stale = await claimChatHead(h.db, chat, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = await claimChatHead(h.db, chat, 60_000);
    expect([stale!.attempts, fresh!.attempts]).toEqual([1, 2]);
    expect(await forwardClaimed({ db: h.db, gateway: sim.gateway }, stale!)).toMatchObject({ status: "lost" });
    expect(await status(m!.id)).toMatchObject({ status: "queued", attempts: 2 });
    expect(await forwardClaimed({ db: h.db, gateway: sim.gateway }, fresh!)).toMatchObject({ status: "forwarded" });
  });

  it("sends every message once and in chat order with three forwarders racing under throttling and errors", async () => {
    await sim.setConfig({ faults: { ThrottlingException: 0.3, InternalServiceException: 0.1 }, latencyMs: 5 });
    const chats = Array.from({ length: 6 }, (_, i) => `+120655503${String(i).padStart(2, "0")}`);
    const texts = Array.from({ length: 8 }, (_, i) => `m${i}`);
    // Interleaved arrival, as a provider would post them.
    for (const t of texts) for (const c of chats) await queue(h.db, integrationId, c, [t]);
    const forwarders = Array.from({ length: 3 }, () =>
      startInboundForwarder({ db: h.db, gateway: sim.gateway, pollMs: 10, concurrency: 4, retry: FAST, log: () => {} }),
    );
    try {
      await waitFor(
        "every message forwarded",
        async () => {
          const [row] = await h.db
            .select({ n: sql<number>`count(*)::int` })
            .from(inboundMessages)
            .where(sql`${inboundMessages.fromPhone} like '+120655503%' and ${inboundMessages.status} <> 'forwarded'`);
          return row!.n === 0 ? true : undefined;
        },
        30_000,
      );
    } finally {
      await Promise.all(forwarders.map((f) => f.stop()));
    }
    for (const c of chats) expect((await eventsFrom(sim, c)).map((e) => e.request.Event.Content)).toEqual(texts);
    const counters = await sim.counters();
    expect(counters.faultsInjected.ThrottlingException ?? 0).toBeGreaterThan(0);
  });
});
