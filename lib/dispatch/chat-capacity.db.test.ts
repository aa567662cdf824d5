// Chat capacity: a LimitExceededException means no chat slot is free. The campaign waits until its next chat is due
// to end, not a fixed pause, so with a flow that disconnects after 2 s and 5 slots it keeps close to 5 chats every
// 2 s; and the account rate never comes down for it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { eq } from "drizzle-orm";
import { campaignChatLifetime, capacityWaitMs, nextChatEnd } from "./chat-capacity";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey, DEFAULT_DISPATCH_OPTIONS } from "./options";
import { readBucket } from "./rate-limiter";
import { WAITING_FOR_CAPACITY } from "./retry-policy";

const QUOTA = 5;
const LIFETIME_S = 2;
const MEASURE_MS = 20_000;
const LIMITER = accountLimiterKey("us-east-1", "local");

describe("a campaign bound by chat capacity", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let dispatcher: Dispatcher;
  const lines: string[] = [];

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, maxActiveChats: QUOTA });
    const instance = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const flow = (await sim.gateway.listContactFlows(instance.id)).find((f) => f.name === "Send and disconnect")!;
    await sim.setConfig({ flowEndsChatAfterSeconds: { [flow.id]: LIFETIME_S } });
    dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "capacity",
      log: (line) => lines.push(line),
      options: { limiterKey: LIMITER, accountSendsPerSecond: 50 },
    });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await sim?.close();
    await h?.close();
  });

  it("takes each slot as its chat ends: at least 0.9 of quota ÷ lifetime, the account rate untouched", async () => {
    const id = await launchTestCampaign(h.db, sim, { count: 120, flowName: "Send and disconnect", flowEndsChatAfterSeconds: LIFETIME_S });
    const first = await waitFor("a first send", async () => (await ledger(h.db, id)).find((r) => r.sentAt)?.sentAt?.getTime(), 10_000, 20);
    const reasons = new Set<string | null>();
    while (Date.now() < first + MEASURE_MS) {
      reasons.add((await campaignRow(h.db, id)).waitingReason);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rows = await ledger(h.db, id);
    const sent = rows.filter((r) => r.sentAt && r.sentAt.getTime() < first + MEASURE_MS).length;
    const capacity = (QUOTA / LIFETIME_S) * (MEASURE_MS / 1000);
    expect(sent).toBeGreaterThanOrEqual(0.9 * capacity);
    expect(sent).toBeLessThanOrEqual(capacity + QUOTA);
    expect(rows.filter((r) => r.sendStatus === "failed")).toHaveLength(0);
    // Refused attempts are given back: no row has spent more than its one successful attempt.
    expect(rows.filter((r) => r.sendStatus === "sent").every((r) => r.attempts === 1)).toBe(true);

    const counters = await sim.counters();
    expect(counters.errors.LimitExceededException ?? 0).toBeGreaterThan(0);
    // After a refusal it tries about as many as are due to free, not a whole batch (that was about nine per chat).
    expect(counters.errors.LimitExceededException).toBeLessThan(4 * sent);
    expect(counters.errors.ThrottlingException ?? 0).toBe(0);
    expect(reasons.has(WAITING_FOR_CAPACITY)).toBe(true);
    const account = await readBucket(h.db, LIMITER);
    expect(account!.rate).toBe(account!.configuredRate);
    expect(lines.filter((l) => l.includes("throttled"))).toEqual([]);
  }, 40_000);
});

describe("when the next chat of a campaign is due to end", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let campaignId: string;
  let config: CampaignConfig;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim();
    // Launched but never started: no dispatcher runs here.
    campaignId = await launchTestCampaign(h.db, sim, { count: 1, flowName: "Send and disconnect" });
    config = (await campaignRow(h.db, campaignId)).config as CampaignConfig;
  });
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  const contact = async (ageMs: number, state: "open" | "ended" = "open", lastedMs?: number) => {
    const created = new Date(Date.now() - ageMs);
    await h.db.insert(contacts).values({
      contactId: randomUUID(),
      instanceId: config.instanceId,
      channel: "sms",
      customerPhone: "+12065550100",
      origin: "campaign",
      campaignId,
      createdBy: "system",
      createdAt: created,
      state,
      ...(lastedMs !== undefined ? { initiatedAt: created, disconnectedAt: new Date(created.getTime() + lastedMs) } : {}),
    });
  };

  it("takes the chat duration until the flow's chats have been seen ending, then their median lifetime; the user's word first", async () => {
    expect(await campaignChatLifetime(h.db, config)).toBe(3600);
    for (let i = 0; i < 5; i++) await contact(60_000 + i, "ended", 30_000 + i * 1_000);
    expect(await campaignChatLifetime(h.db, config)).toBeCloseTo(32, 3);
    expect(await campaignChatLifetime(h.db, { ...config, flowEndsChatAfterSeconds: 7 })).toBe(7);
  });

  it("is the oldest open chat still within its lifetime, plus that lifetime, with those ending alongside; clamped between a floor and capacityRetryMs", async () => {
    await h.db.delete(contacts).where(eq(contacts.campaignId, campaignId));
    expect(await nextChatEnd(h.db, campaignId, 30, 250)).toBeUndefined();
    // Open in the console's records, but past its lifetime: it ended and was not checked yet.
    await contact(45_000);
    expect(await nextChatEnd(h.db, campaignId, 30, 250)).toBeUndefined();
    await contact(28_000);
    await contact(27_900);
    await contact(10_000);
    const next = (await nextChatEnd(h.db, campaignId, 30, 250))!;
    expect(next.inMs).toBeGreaterThan(1_500);
    expect(next.inMs).toBeLessThanOrEqual(2_000);
    // The two started together end together; the third much later.
    expect(next.ending).toBe(2);
    const ms = next.inMs;

    const o = DEFAULT_DISPATCH_OPTIONS;
    expect(capacityWaitMs(ms, o)).toBe(ms);
    expect(capacityWaitMs(undefined, o)).toBe(o.capacityUnknownMs);
    expect(capacityWaitMs(5, o)).toBe(o.capacityFloorMs);
    expect(capacityWaitMs(3_600_000, o)).toBe(o.capacityRetryMs);
    // A shorter retry ceiling wins over the floor.
    expect(capacityWaitMs(5, { ...o, capacityRetryMs: 150 })).toBe(150);
  });
});
