// A dispatcher that dies is noticed by its silent heartbeat: its rows are sent again within seconds, not after the
// full lease, while the rows of a live dispatcher (or of one whose first beat is not written yet) stay its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { transitionCampaign } from "@/lib/campaigns/queries";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { processHeartbeats } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { startDueCampaigns } from "./campaign-transitions";
import { claimBatch, ledgerState } from "@/lib/ledger/claim";
import { startDispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { beat, pruneHeartbeats } from "./heartbeat";
import { sendToRecipient } from "./send-recipient";

const quiet = () => {};
const LEASE_MS = 60_000;

describe("dispatcher heartbeats", () => {
  let h: DatabaseHandle;
  let sim: Sim;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startSim({ rate: 1_000, burst: 1_000 }, 2_000);
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  const heartbeatOf = async (id: string) => (await h.db.select().from(processHeartbeats).where(eq(processHeartbeats.id, id)))[0];
  /** A heartbeat last written `agoMs` ago: the process stopped beating then. */
  const lastBeat = (id: string, agoMs: number) =>
    h.db
      .insert(processHeartbeats)
      .values({ id, heartbeatAt: sql`now() - ${agoMs}::double precision * interval '1 millisecond'` })
      .onConflictDoUpdate({ target: processHeartbeats.id, set: { heartbeatAt: sql`now() - ${agoMs}::double precision * interval '1 millisecond'` } });

  it("beats while running and removes its row on a clean stop", async () => {
    const d = startDispatcher({ db: h.db, gateway: sim.gateway, workerId: "beating", log: quiet });
    try {
      const first = await waitFor("the first heartbeat", () => heartbeatOf("beating"));
      const later = await waitFor(
        "a later heartbeat",
        async () => {
          const row = await heartbeatOf("beating");
          return row && row.heartbeatAt > first.heartbeatAt && row;
        },
        6_000,
      );
      expect(later.startedAt).toEqual(first.startedAt);
    } finally {
      await d.stop();
    }
    expect(await heartbeatOf("beating")).toBeUndefined();
  });

  it("claims the rows of a dispatcher whose heartbeat went quiet at once, never those of a live one", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 12, first: 7000 });
    await startDueCampaigns(h.db, "setup");
    await lastBeat("live", 0);
    await lastBeat("dead", 0);
    const byLive = await claimBatch(h.db, { campaignId, workerId: "live", limit: 4, leaseMs: LEASE_MS });
    const byDead = await claimBatch(h.db, { campaignId, workerId: "dead", limit: 4, leaseMs: LEASE_MS });
    // No heartbeat row at all: a dispatcher whose first beat has not landed keeps its rows until the lease ends.
    const byNew = await claimBatch(h.db, { campaignId, workerId: "new", limit: 4, leaseMs: LEASE_MS });
    expect([byLive.length, byDead.length, byNew.length]).toEqual([4, 4, 4]);
    expect(await ledgerState(h.db, campaignId)).toEqual({ due: false, unfinished: true, nextDueInMs: null });
    // "dead" was killed eleven seconds ago: its rows are due again, though their leases run for another minute.
    await lastBeat("dead", 11_000);
    expect(await ledgerState(h.db, campaignId)).toEqual({ due: true, unfinished: true, nextDueInMs: null });

    const taken = await claimBatch(h.db, { campaignId, workerId: "other", limit: 50, leaseMs: LEASE_MS });
    expect(taken.map((r) => r.id)).toEqual(byDead.map((r) => r.id));
    expect(taken.every((r) => r.attempts === 2)).toBe(true);
    expect(await ledgerState(h.db, campaignId)).toEqual({ due: false, unfinished: true, nextDueInMs: null });
    // Nine seconds of silence is a slow beat, not a death.
    await lastBeat("live", 9_000);
    expect(await claimBatch(h.db, { campaignId, workerId: "other", limit: 50, leaseMs: LEASE_MS })).toHaveLength(0);
    // Out of the next test's way.
    await transitionCampaign(h.db, campaignId, "running", "paused");
  });

  it("a dispatcher finishes, with the same contacts, the sends of one that died mid-send within seconds", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 20, first: 8000 });
    await startDueCampaigns(h.db, "setup");
    await beat(h.db, "crashed");
    const claimed = await claimBatch(h.db, { campaignId, workerId: "crashed", limit: 10, leaseMs: LEASE_MS });
    const config = (await campaignRow(h.db, campaignId)).config as CampaignConfig;
    for (const row of claimed.slice(0, 5)) expect(await sendToRecipient(sim.gateway, campaignId, config, row)).toMatchObject({ ok: true });
    // It died (SIGKILL) eleven seconds ago, long before its 60 s leases end.
    await lastBeat("crashed", 11_000);

    const started = Date.now();
    const b = startDispatcher({ db: h.db, gateway: sim.gateway, workerId: "survivor", log: quiet, options: { accountSendsPerSecond: 200 } });
    try {
      await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed", 15_000);
    } finally {
      await b.stop();
    }
    expect(Date.now() - started).toBeLessThan(LEASE_MS / 2);
    expect((await expectExactlyOnce(h.db, sim, campaignId)).sent).toBe(20);
    expect((await sim.counters()).idempotentReplays).toBeGreaterThanOrEqual(5);
  });

  it("prunes heartbeats of processes long gone", async () => {
    await lastBeat("ancient", 2 * 60 * 60_000);
    await lastBeat("recent", 60_000);
    await pruneHeartbeats(h.db);
    expect(await heartbeatOf("ancient")).toBeUndefined();
    expect(await heartbeatOf("recent")).toBeDefined();
  });
});
