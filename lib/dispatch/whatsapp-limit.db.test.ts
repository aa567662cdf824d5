// The WhatsApp business portfolio's daily limit: a campaign sends to as many new customers as the limit leaves and
// holds the rest pending, saying why and until when, without Connect refusing one or a row failing; when customers
// leave the moving window it carries on.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, setSendingCapacity, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey } from "./options";
import { WhatsAppBudget } from "./whatsapp-budget";
import { whatsAppReach } from "./whatsapp-reach";

const LIMIT = 250;
const RECIPIENTS = 300;
// The console's window, shortened so that the test sees places free again; the simulator's clock jumps a day instead.
// Long enough that 250 sends fit in it on a heavily loaded machine; the story waits one window for places to free.
const WINDOW_MS = 120_000;
// Names the limit and when places free: the sends that spent it are recorded within a second, and with them the time.
const REASON = /^waiting for the WhatsApp daily limit \(250 customers per 120 s\): more can go from \d\d:\d\d UTC$/;

async function counts(h: DatabaseHandle, id: string) {
  const rows = await ledger(h.db, id);
  const n = (status: string) => rows.filter((r) => r.sendStatus === status).length;
  return { sent: n("sent"), pending: n("pending"), sending: n("sending"), failed: n("failed"), rows };
}

describe("WhatsApp daily limit", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: LIMIT, enforceNumberThroughput: true });
    await setSendingCapacity(h.db, { whatsAppDailyLimit: LIMIT });
    dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "whatsapp",
      log: () => {},
      options: { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: 200, whatsAppWindowMs: WINDOW_MS },
    });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await sim?.close();
    await h?.close();
  });

  it("sends to 250 customers, holds the other 50 pending with the reason, and sends them once places free", async () => {
    const id = await launchTestCampaign(h.db, sim, { count: RECIPIENTS, channel: "whatsapp", numberPerSecond: "default" });
    const held = await waitFor(
      "the campaign to be held by the daily limit",
      async () => {
        const row = await campaignRow(h.db, id);
        const c = await counts(h, id);
        return REASON.test(row.waitingReason ?? "") && c.sent === LIMIT && c.sending === 0 && { row, c };
      },
      110_000,
      100,
    );
    expect(held.row.status).toBe("running");
    expect(held.c).toMatchObject({ sent: LIMIT, pending: RECIPIENTS - LIMIT, failed: 0 });
    // The first customer leaves the window a window after their chat: that minute, rounded up (or the next, at a boundary).
    const firstSent = Math.min(...held.c.rows.flatMap((r) => (r.sentAt ? [r.sentAt.getTime()] : [])));
    const minute = (ms: number) => new Date(Math.ceil(ms / 60_000) * 60_000).toISOString().slice(11, 16);
    const at = held.row.waitingReason!.slice(-9, -4);
    expect([minute(firstSent + WINDOW_MS), minute(firstSent + WINDOW_MS + 60_000)]).toContain(at);
    // Budgeted before claiming: on a calm machine none is even tried; under heavy load a batch may be claimed while the
    // count is being read again, and Connect's refusal holds it the same way. Either way no attempt is used up.
    const pending = held.c.rows.filter((r) => r.sendStatus === "pending");
    expect(pending.every((r) => r.attempts === 0 && [null, "LimitExceededException", "ThrottlingException"].includes(r.lastErrorName))).toBe(true);
    // Nothing else refused them. The number's own rate is another test's subject (number-throughput.db.test.ts): when
    // every suite shares two busy cores, timers fire late and two paced sends can leave closer than 80 a second; such
    // a throttle is retried without using an attempt, and does not change what this test is about.
    expect(Object.keys((await sim.counters()).errors).filter((name) => name !== "LimitExceededException" && name !== "ThrottlingException")).toEqual([]);

    // Still held a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await counts(h, id)).toMatchObject({ sent: LIMIT, pending: RECIPIENTS - LIMIT });

    // A day passes for Connect; the console's (shortened) window ends a little later and the rest go.
    await sim.advanceClock(24 * 3600);
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed", 200_000, 200);
    expect((await expectExactlyOnce(h.db, sim, id)).sent).toBe(RECIPIENTS);
    // Nothing else refused them. The number's own rate is another test's subject (number-throughput.db.test.ts): when
    // every suite shares two busy cores, timers fire late and two paced sends can leave closer than 80 a second; such
    // a throttle is retried without using an attempt, and does not change what this test is about.
    expect(Object.keys((await sim.counters()).errors).filter((name) => name !== "LimitExceededException" && name !== "ThrottlingException")).toEqual([]);
    expect((await campaignRow(h.db, id)).waitingReason).toBeNull();
  }, 400_000);
});

describe("WhatsApp daily limit, two dispatchers", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  const dispatchers: Dispatcher[] = [];

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: LIMIT });
    await setSendingCapacity(h.db, { whatsAppDailyLimit: LIMIT });
  });
  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await sim?.close();
    await h?.close();
  });

  it("a refusal once the portfolio's customers are spent between them holds the campaign for the limit, not chat capacity", async () => {
    const id = await launchTestCampaign(h.db, sim, { count: RECIPIENTS, first: 5000, channel: "whatsapp", numberPerSecond: "default" });
    // Each counts what it sent itself and reads the other's sends every few seconds: together they overshoot at first.
    for (const workerId of ["wa-1", "wa-2"])
      dispatchers.push(
        startDispatcher({
          db: h.db,
          gateway: sim.gateway,
          workerId,
          log: () => {},
          options: { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: 200 },
        }),
      );
    const reason = /^waiting for the WhatsApp daily limit \(250 customers per 24 h\): more can go from \d\d:\d\d UTC$/;
    await waitFor(
      "the campaign to be held by the daily limit",
      async () => reason.test((await campaignRow(h.db, id)).waitingReason ?? "") && (await counts(h, id)).sending === 0,
      20_000,
      100,
    );
    expect((await sim.counters()).errors.LimitExceededException).toBeGreaterThan(0);
    const c = await counts(h, id);
    expect(c).toMatchObject({ sent: LIMIT, pending: RECIPIENTS - LIMIT, failed: 0 });
    // Refused starts gave their attempt back (a call that timed out on a loaded machine keeps its one attempt).
    const refused = c.rows.filter((r) => r.sendStatus === "pending" && r.lastErrorName === "LimitExceededException");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.attempts === 0)).toBe(true);
    expect((await campaignRow(h.db, id)).status).toBe("running");
  }, 30_000);
});

describe("WhatsApp customers reached in the window", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  const chat = (customerPhone: string, ageMs: number, extra: Partial<typeof contacts.$inferInsert> = {}) =>
    h.db.insert(contacts).values({
      contactId: randomUUID(),
      instanceId: "i",
      channel: "whatsapp",
      customerPhone,
      origin: "campaign",
      createdBy: "system",
      createdAt: new Date(Date.now() - ageMs),
      ...extra,
    });

  it("counts each business-initiated customer once, until a window after their latest chat", async () => {
    expect(await whatsAppReach(h.db, 60_000)).toEqual({ customers: 0 });
    await chat("+1", 50_000);
    await chat("+1", 20_000); // the same customer again: counted once, from the later chat
    await chat("+2", 30_000, { origin: "test_send" });
    await chat("+3", 10_000, { origin: "inbound" }); // the customer wrote first: not counted
    await chat("+4", 10_000, { origin: "chat_event" });
    await chat("+5", 10_000, { channel: "sms" });
    await chat("+6", 70_000); // outside the window
    const reach = await whatsAppReach(h.db, 60_000);
    expect(reach.customers).toBe(2);
    // +2 leaves first: 60 s after its chat 30 s ago.
    expect(reach.nextFreeInMs!).toBeGreaterThan(29_000);
    expect(reach.nextFreeInMs!).toBeLessThanOrEqual(30_000);
  });

  it("a process's budget counts its own sends down until the count is read again", async () => {
    let now = Date.now();
    const budget = new WhatsAppBudget({ whatsAppWindowMs: 60_000, whatsAppCountMs: 5_000 }, () => now);
    expect(await budget.allowance(h.db, 5)).toMatchObject({ left: 3 });
    budget.take(2);
    expect((await budget.allowance(h.db, 5)).left).toBe(1);
    budget.take(1);
    expect((await budget.allowance(h.db, 5)).left).toBe(0);
    // Two were sent (and recorded), one is still on its way when the count is read again.
    await chat("+7", 0);
    await chat("+8", 0);
    budget.settle();
    budget.settle();
    now += 5_000;
    expect((await budget.allowance(h.db, 5)).left).toBe(0);
    expect((await budget.allowance(h.db, 10)).left).toBe(5);
  });
});
