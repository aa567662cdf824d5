// Per-number throughput: every campaign on a source number draws from one bucket for it, so two campaigns on a 1/s
// 10DLC long code send 1 a second between them, and Connect (the simulator enforcing the number's rate) refuses none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, launchTestCampaign, ledger, setSendingCapacity, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey, numberLimiterKey } from "./options";
import { readBucket } from "./rate-limiter";

const EACH = 7;

describe("per-number throughput", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let dispatcher: Dispatcher;
  const lines: string[] = [];
  let arn: string;
  let numberId: string;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, enforceNumberThroughput: true });
    const instance = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await sim.gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!;
    arn = number.arn;
    numberId = number.id;
    dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "numbers",
      log: (line) => lines.push(line),
      options: { limiterKey: accountLimiterKey("us-east-1", "local"), accountSendsPerSecond: 100 },
    });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await sim?.close();
    await h?.close();
  });

  const sentTimes = async (ids: string[]) =>
    (await Promise.all(ids.map((id) => ledger(h.db, id))))
      .flat()
      .flatMap((r) => (r.sentAt ? [r.sentAt.getTime()] : []))
      .sort((x, y) => x - y);

  it("two campaigns on one 10DLC number send about one a second together, hardly ever refused", async () => {
    const a = await launchTestCampaign(h.db, sim, { count: EACH, first: 1000, name: "A", numberPerSecond: "default" });
    const b = await launchTestCampaign(h.db, sim, { count: EACH, first: 2000, name: "B", numberPerSecond: "default" });
    await waitFor(
      "both campaigns to complete",
      async () => (await campaignRow(h.db, a)).status === "completed" && (await campaignRow(h.db, b)).status === "completed",
      35_000,
      100,
    );
    const counters = await sim.counters();
    // Paced at 95 % of the number's rate and spaced at send time; a machine under heavy load can still bunch two
    // requests on the wire, which Connect refuses and the dispatcher sends again. More than that is pacing gone wrong.
    expect(counters.errors.ThrottlingException ?? 0).toBeLessThanOrEqual(2);
    // One chat per recipient, each recorded against its row.
    expect(counters.contactsCreated).toBe(2 * EACH);
    expect(counters.idempotentReplays).toBe(0);
    for (const id of [a, b]) expect((await ledger(h.db, id)).filter((r) => r.sendStatus === "sent" && r.contactId)).toHaveLength(EACH);

    // They took turns on the number: of the first eight sends, each had at least three.
    const aTimes = new Set(await sentTimes([a]));
    const firstEight = (await sentTimes([a, b])).slice(0, 8);
    expect(firstEight.filter((t) => aTimes.has(t)).length).toBeGreaterThanOrEqual(3);
    expect(firstEight.filter((t) => !aTimes.has(t)).length).toBeGreaterThanOrEqual(3);
    const all = await sentTimes([a, b]);
    const perSecond = (all.length - 1) / ((all.at(-1)! - all[0]!) / 1000);
    // The number's one message a second less the 5 % kept for network jitter; never more than one.
    expect(perSecond).toBeLessThanOrEqual(1.0);
    expect(perSecond).toBeGreaterThan(0.85);

    const bucket = await readBucket(h.db, numberLimiterKey(arn, "sms"));
    expect(bucket).toMatchObject({ configuredRate: 0.95, burst: 1 });
    expect(lines.filter((l) => l.includes(`source number ${arn} sends SMS at 1/s, default for a 10DLC long code`))).toHaveLength(2);
  }, 40_000);

  it("takes an admin's messages per second for the number within seconds of it being set", async () => {
    // An MPS increase to 4 a second, in Connect and in Settings → Sending.
    const throttledBefore = (await sim.counters()).errors.ThrottlingException ?? 0;
    await sim.setConfig({ numberMessagesPerSecond: { [numberId]: 4 } });
    await setSendingCapacity(h.db, { arn, messagesPerSecond: 4 });
    const c = await launchTestCampaign(h.db, sim, { count: 16, first: 3000, name: "C", numberPerSecond: "default" });
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, c)).status === "completed", 20_000, 100);
    expect(((await sim.counters()).errors.ThrottlingException ?? 0) - throttledBefore).toBeLessThanOrEqual(2);
    const times = await sentTimes([c]);
    // The burst (3, one second of 3.8/s rounded down) goes at once; then 3.8 a second.
    const perSecond = (times.length - 3) / ((times.at(-1)! - times[0]!) / 1000);
    expect(perSecond).toBeLessThanOrEqual(4);
    expect(perSecond).toBeGreaterThan(3);
    expect((await readBucket(h.db, numberLimiterKey(arn, "sms")))!.configuredRate).toBeCloseTo(3.8, 5);
    expect(lines.some((l) => l.includes(`sends SMS at 4/s, set in Settings → Sending`))).toBe(true);
  }, 30_000);
});
