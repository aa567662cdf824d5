// Pause, resume and cancel are conditional status updates made by other code; the dispatcher sees each within a second.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionCampaign } from "@/lib/campaigns/queries";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey } from "./options";
import { campaignProgress } from "./progress";
import { CANCELLED_REASON, CANCELLED_UNCERTAIN_REASON, countRemaining, skipRemaining } from "@/lib/ledger/skip-remaining";

const RECIPIENTS = 120;
const LIMITER = accountLimiterKey("us-east-1", "local");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pause, resume and cancel", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, latencyMs: 20 }, 2_000);
    dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "ctl",
      log: () => {},
      options: { limiterKey: LIMITER, accountSendsPerSecond: 100 },
    });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await sim?.close();
    await h?.close();
  });

  const countOf = async (id: string, status: string) => (await ledger(h.db, id)).filter((r) => r.sendStatus === status).length;

  it("stops claiming within a second of a pause, finishes what was in flight, and carries on after a resume", async () => {
    // The campaign's own pace (20/s) is below the account's (100/s): it is the one in force.
    const id = await launchTestCampaign(h.db, sim, { count: RECIPIENTS, sendsPerSecond: 20 });
    await waitFor("some sends", async () => (await countOf(id, "sent")) >= 15);
    const progress = await campaignProgress(h.db, id, { limiterKey: LIMITER });
    expect(progress).toMatchObject({ status: "running", rate: { campaignPerSecond: 20, accountPerSecond: 100, accountConfiguredPerSecond: 100 } });
    expect(progress!.counts.total).toBe(RECIPIENTS);
    expect(progress!.etaSeconds).toBeGreaterThan(0);
    // Sending began a second or two ago: the rate now is counted over that time, not over a 30-second window it has
    // not filled yet (which would read ~0.5/s for a campaign sending 20 a second).
    expect(progress!.rate.recentPerSecond).toBeGreaterThan(5);

    expect(await transitionCampaign(h.db, id, "running", "paused", { pauseReason: "Paused by a supervisor" })).toBeDefined();
    await sleep(1_000);
    const settled = await ledger(h.db, id);
    expect(settled.filter((r) => r.sendStatus === "sending")).toHaveLength(0);
    const sentAtPause = settled.filter((r) => r.sendStatus === "sent").length;
    expect(sentAtPause).toBeLessThan(RECIPIENTS);
    await sleep(700);
    expect(await countOf(id, "sent")).toBe(sentAtPause);
    expect((await campaignRow(h.db, id)).status).toBe("paused");
    expect((await campaignProgress(h.db, id))!.etaSeconds).toBeNull();

    const resumedAt = Date.now();
    expect(await transitionCampaign(h.db, id, "paused", "running", { pauseReason: null })).toBeDefined();
    await waitFor("sending to resume", async () => (await countOf(id, "sent")) > sentAtPause, 1_500);
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed");
    expect((await expectExactlyOnce(h.db, sim, id)).sent).toBe(RECIPIENTS);

    // The pace after the resume: 20 a second once the bucket's one-second burst (refilled while paused) is spent.
    const after = (await ledger(h.db, id)).flatMap((r) => (r.sentAt && r.sentAt.getTime() >= resumedAt - 50 ? [r.sentAt.getTime()] : [])).sort((a, b) => a - b);
    expect(after.length).toBeGreaterThan(60);
    const spanS = (after.at(-1)! - after[0]!) / 1000;
    expect((after.length - 20) / spanS).toBeLessThanOrEqual(20 * 1.15);
  });

  it("cancel skips every remaining row at once and nothing more is sent", async () => {
    await sim.reset();
    const id = await launchTestCampaign(h.db, sim, { count: RECIPIENTS, first: 5000, sendsPerSecond: 20 });
    await waitFor("some sends", async () => (await countOf(id, "sent")) >= 10);
    const skipped = await h.db.transaction(async (tx) => {
      expect(await transitionCampaign(tx, id, "running", "cancelled", { finishedAt: new Date() })).toBeDefined();
      return skipRemaining(tx, id);
    });
    expect(skipped).toBeGreaterThan(0);
    await sleep(1_000);
    const rows = await ledger(h.db, id);
    expect(rows.filter((r) => r.sendStatus === "pending" || r.sendStatus === "sending")).toHaveLength(0);
    const sent = rows.filter((r) => r.sendStatus === "sent").length;
    // Uncertain only if a call timed out just before the cancel.
    expect(rows.filter((r) => r.sendStatus === "skipped").every((r) => r.reason === CANCELLED_REASON || r.reason === CANCELLED_UNCERTAIN_REASON)).toBe(true);
    expect(sent + rows.filter((r) => r.sendStatus === "skipped").length).toBe(RECIPIENTS);
    await sleep(500);
    expect(await countOf(id, "sent")).toBe(sent);
    expect((await expectExactlyOnce(h.db, sim, id)).contacts).toHaveLength(sent);
    expect((await campaignRow(h.db, id)).status).toBe("cancelled");
  });

  it("a cancel of a long list skips in small batches exactly the rows it counted when it cancelled", async () => {
    await sim.reset();
    const id = await launchTestCampaign(h.db, sim, { count: RECIPIENTS, first: 7000, sendsPerSecond: 5 });
    await waitFor("a first send", async () => (await countOf(id, "sent")) >= 1);
    const remaining = await h.db.transaction(async (tx) => {
      expect(await transitionCampaign(tx, id, "running", "cancelled", { finishedAt: new Date() })).toBeDefined();
      return countRemaining(tx, id);
    });
    expect(remaining).toBeGreaterThan(50);
    const skipped = await skipRemaining(h.db, id, CANCELLED_REASON, { batchRows: 7 });
    await sleep(500);
    const rows = await ledger(h.db, id);
    expect(rows.filter((r) => r.sendStatus === "pending" || r.sendStatus === "sending")).toHaveLength(0);
    expect(rows.filter((r) => r.sendStatus === "skipped")).toHaveLength(skipped);
    // Only a send already in flight when the cancel landed may end as sent instead of skipped.
    expect(remaining - skipped).toBeGreaterThanOrEqual(0);
    expect(remaining - skipped).toBeLessThanOrEqual(rows.filter((r) => r.sendStatus === "sent").length);
  });
});
