// A campaign's end time and maximum age for queued sends: nothing is sent after the deadline, not by a running
// dispatcher, not by one started after it, and the rows left are skipped as expired when the campaign completes.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { campaignView } from "@/lib/campaigns/api-view";
import { deadlineParts } from "@/lib/campaigns/deadline-view";
import { campaignStatusHistory } from "@/lib/campaigns/status-history";
import { transitionCampaign } from "@/lib/campaigns/queries";
import { auditLog, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { EXPIRED_REASON, EXPIRED_REASONS } from "@/lib/ledger/skip-remaining";
import { createTestDb } from "@/lib/testing/test-db";
import { startDispatcher, type Dispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { accountLimiterKey } from "./options";

const LIMITER = accountLimiterKey("us-east-1", "local");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a campaign's deadline", () => {
  let h: DatabaseHandle;
  let sim: Sim;
  const running: Dispatcher[] = [];

  const start = (workerId: string) => {
    const d = startDispatcher({ db: h.db, gateway: sim.gateway, workerId, log: () => {}, options: { limiterKey: LIMITER, accountSendsPerSecond: 100 } });
    running.push(d);
    return d;
  };

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000, latencyMs: 20 }, 2_000);
  });
  // Each story counts the contacts in Connect: start from none.
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await Promise.all(running.map((d) => d.stop()));
    await sim?.close();
    await h?.close();
  });

  const completion = async (id: string) => {
    const [entry] = await h.db
      .select({ diff: auditLog.diff })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "campaign.completed")));
    return entry?.diff as { expired?: number; endedBy?: string; endedAt?: string } | undefined;
  };

  it("sends until the end time, then skips the rest as expired and completes saying how many", async () => {
    const endAt = new Date(Date.now() + 4_000);
    const id = await launchTestCampaign(h.db, sim, { count: 60, sendsPerSecond: 5, settings: { endAt: endAt.toISOString() } });
    const d = start("end-time");
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed", 20_000);
    await d.stop();

    const rows = await ledger(h.db, id);
    const sent = rows.filter((r) => r.sendStatus === "sent");
    const expired = rows.filter((r) => r.sendStatus === "skipped" && EXPIRED_REASONS.includes(r.reason as never));
    expect(sent.length).toBeGreaterThan(0);
    expect(expired.length).toBeGreaterThan(0);
    expect(sent.length + expired.length).toBe(60);
    expect(expired.every((r) => r.reason === EXPIRED_REASON)).toBe(true);
    // A row claimed before the end time finishes its call; none is claimed after it.
    for (const r of sent) expect(r.sentAt!.getTime()).toBeLessThan(endAt.getTime() + 1_000);
    expect((await expectExactlyOnce(h.db, sim, id)).sent).toBe(sent.length);

    expect(await completion(id)).toMatchObject({ expired: expired.length, endedBy: "end time", endedAt: endAt.toISOString() });
    const history = await campaignStatusHistory(h.db, id);
    expect(history.at(-1)?.detail).toContain(`Ended at its end time: ${expired.length} recipients not sent (expired)`);
    // The campaign page and the API say when sending stopped and how many expired.
    const { deadline } = await campaignView(h.db, await campaignRow(h.db, id));
    expect(deadline).toEqual({ at: endAt, cause: "end time", passed: true, expired: expired.length });
    expect(deadlineParts(deadline!)).toEqual(["Ended at its end time (", endAt, `): ${expired.length} recipients not sent (expired)`]);
  });

  it("never sends after the deadline across a restart: a dispatcher started after it only skips", async () => {
    const endAt = new Date(Date.now() + 3_000);
    const id = await launchTestCampaign(h.db, sim, { count: 40, sendsPerSecond: 4, settings: { endAt: endAt.toISOString() } });
    expect((await campaignView(h.db, await campaignRow(h.db, id))).deadline).toEqual({ at: endAt, cause: "end time", passed: false, expired: null });
    const first = start("before-restart");
    await waitFor("some sends", async () => (await ledger(h.db, id)).some((r) => r.sendStatus === "sent"));
    // The console stops before the end time, with most rows unsent, and starts again after it.
    await first.stop();
    const sentBefore = (await ledger(h.db, id)).filter((r) => r.sendStatus === "sent").length;
    expect(sentBefore).toBeLessThan(40);
    await sleep(Math.max(0, endAt.getTime() - Date.now()) + 200);
    const contactsBefore = (await sim.contacts()).length;

    const second = start("after-restart");
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed");
    await second.stop();
    expect((await sim.contacts()).length).toBe(contactsBefore);
    const rows = await ledger(h.db, id);
    expect(rows.filter((r) => r.sendStatus === "sent")).toHaveLength(sentBefore);
    expect(rows.filter((r) => r.reason === EXPIRED_REASON)).toHaveLength(40 - sentBefore);
    expect((await completion(id))?.expired).toBe(40 - sentBefore);
  });

  it("a campaign launched after its end time sends nobody", async () => {
    const endAt = new Date(Date.now() + 1_500);
    const id = await launchTestCampaign(h.db, sim, { count: 10, settings: { endAt: endAt.toISOString() } });
    await sleep(Math.max(0, endAt.getTime() - Date.now()) + 100);
    const d = start("late");
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed");
    await d.stop();
    const rows = await ledger(h.db, id);
    expect(rows.every((r) => r.sendStatus === "skipped" && r.reason === EXPIRED_REASON)).toBe(true);
    // No contact in Connect under any of its ClientTokens.
    expect((await expectExactlyOnce(h.db, sim, id)).contacts).toHaveLength(0);
  });

  it("a draft whose end time passed before it was launched is refused at launch, saying why", async () => {
    const endAt = new Date(Date.now() + 800);
    const launch = launchTestCampaign(h.db, sim, { count: 3, settings: { endAt: endAt.toISOString() }, beforeLaunch: () => sleep(1_000) });
    await expect(launch).rejects.toThrow(/end time \(.+ UTC\) is not after its start: change the end time and launch again/);
  });

  it("a campaign paused past its maximum age expires its rows when resumed", async () => {
    const id = await launchTestCampaign(h.db, sim, { count: 10, settings: { maxQueuedMinutes: 60 } });
    expect(await transitionCampaign(h.db, id, "scheduled", "paused", { pauseReason: "Paused by a supervisor" })).toBeDefined();
    // It was launched (and began sending) two hours ago, then paused: yesterday's "sale ends today".
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await h.db.update(campaigns).set({ launchedAt: twoHoursAgo, scheduledAt: twoHoursAgo }).where(eq(campaigns.id, id));
    const d = start("resumed");
    await sleep(300);
    expect((await campaignRow(h.db, id)).status).toBe("paused");
    expect(await transitionCampaign(h.db, id, "paused", "running", { pauseReason: null })).toBeDefined();
    await waitFor("the campaign to complete", async () => (await campaignRow(h.db, id)).status === "completed");
    await d.stop();
    expect((await ledger(h.db, id)).filter((r) => r.sendStatus === "sent")).toHaveLength(0);
    const done = await completion(id);
    expect(done).toMatchObject({ expired: 10, endedBy: "maximum age", endedAt: new Date(twoHoursAgo.getTime() + 3_600_000).toISOString() });
    const history = await campaignStatusHistory(h.db, id);
    expect(history.at(-1)?.detail).toContain("Ended at its maximum age for queued sends: 10 recipients not sent (expired)");
  });
});
