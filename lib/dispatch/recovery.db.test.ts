// A dispatcher that dies mid-send loses and duplicates nobody; errors that every recipient would hit stop the campaign.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { transitionCampaign } from "@/lib/campaigns/queries";
import { auditLog, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { claimBatch } from "@/lib/ledger/claim";
import { startDueCampaigns } from "./campaign-transitions";
import { startDispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { recordRetry, recordSent } from "@/lib/ledger/record-outcome";
import { sendToRecipient } from "./send-recipient";
import { CANCELLED_REASON, CANCELLED_UNCERTAIN_REASON, skipRemaining } from "@/lib/ledger/skip-remaining";

const quiet = () => {};

describe("recovery and automatic pauses", () => {
  let h: DatabaseHandle;
  let sim: Sim;

  beforeAll(async () => {
    h = await createTestDb();
    // A generous timeout: a call given up on while the simulator still works on it would land in the next test.
    sim = await startSim({ rate: 1_000, burst: 1_000 }, 10_000);
  });
  // Each test starts with no contacts and no faults, so the exactly-once check can also say "nobody else".
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  it("finishes the claims of a dispatcher that died mid-send, with the same contacts", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 40, first: 2000 });
    await startDueCampaigns(h.db, "A");
    const claimed = await claimBatch(h.db, { campaignId, workerId: "A", limit: 20, leaseMs: 300 });
    expect(claimed).toHaveLength(20);
    const config = (await campaignRow(h.db, campaignId)).config as CampaignConfig;
    // A reached Connect for half of its rows and died before writing anything down.
    for (const row of claimed.slice(0, 10)) expect(await sendToRecipient(sim.gateway, campaignId, config, row)).toMatchObject({ ok: true });
    const before = await sim.counters();

    const b = startDispatcher({ db: h.db, gateway: sim.gateway, workerId: "B", log: quiet, options: { accountSendsPerSecond: 200 } });
    try {
      await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed");
    } finally {
      await b.stop();
    }

    const { sent } = await expectExactlyOnce(h.db, sim, campaignId);
    expect(sent).toBe(40);
    const after = await sim.counters();
    // The ten A had sent came back as the same contacts (more replays only if a reply was slow and timed out).
    expect(after.contactsCreated - before.contactsCreated).toBe(30);
    expect(after.idempotentReplays - before.idempotentReplays).toBeGreaterThanOrEqual(10);
    const rows = await ledger(h.db, campaignId);
    const reclaimed = rows.filter((r) => claimed.some((c) => c.id === r.id));
    expect(reclaimed.every((r) => r.attempts === 2)).toBe(true);
    // A's answer arriving late is not written over B's.
    expect(await recordSent(h.db, claimed[0]!, "A", { contactId: "late" })).toBe(false);
    expect(await h.db.select().from(contacts).where(eq(contacts.contactId, "late"))).toHaveLength(0);
  });

  it("pauses at once on a systemic error, keeps the rows pending, and finishes after a resume", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 30, first: 3000 });
    await sim.setConfig({ faults: { AccessDeniedException: 1 } });
    const d = startDispatcher({ db: h.db, gateway: sim.gateway, workerId: "C", log: quiet, options: { accountSendsPerSecond: 200 } });
    try {
      const paused = await waitFor("the pause", async () => {
        const c = await campaignRow(h.db, campaignId);
        return c.status === "paused" && c;
      });
      expect(paused.pauseReason).toMatch(/^Amazon Connect answered AccessDeniedException: /);
      // Let the sends that were in flight land.
      await waitFor("nothing in flight", async () => (await ledger(h.db, campaignId)).every((r) => r.sendStatus === "pending"));
      const rows = await ledger(h.db, campaignId);
      // Not the recipients' fault: no attempt is used up and nobody failed.
      expect(rows.every((r) => r.attempts === 0)).toBe(true);
      expect(rows.some((r) => r.lastErrorName === "AccessDeniedException")).toBe(true);
      const audit = await h.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, campaignId), eq(auditLog.action, "campaign.paused")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorEmail: "system", requestId: "dispatcher:C", diff: { reason: paused.pauseReason } });

      await sim.setConfig({ faults: {} });
      await transitionCampaign(h.db, campaignId, "paused", "running", { pauseReason: null });
      await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed");
    } finally {
      await d.stop();
    }
    expect((await expectExactlyOnce(h.db, sim, campaignId)).sent).toBe(30);
  });

  it("pauses when more than half of the last 20 sends failed", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 60, first: 4000 });
    await sim.setConfig({ faults: { InternalServiceException: 1 } });
    // One attempt per recipient, so every InternalServiceException is a failed send.
    const d = startDispatcher({ db: h.db, gateway: sim.gateway, workerId: "D", log: quiet, options: { accountSendsPerSecond: 200, maxAttempts: 1 } });
    try {
      const paused = await waitFor("the pause", async () => {
        const c = await campaignRow(h.db, campaignId);
        return c.status === "paused" && c;
      });
      expect(paused.pauseReason).toBe("More than 50% of the last 20 sends failed");
    } finally {
      await d.stop();
    }
    const rows = await ledger(h.db, campaignId);
    const failed = rows.filter((r) => r.sendStatus === "failed");
    expect(failed.length).toBeGreaterThanOrEqual(20);
    expect(failed.every((r) => r.lastErrorName === "InternalServiceException" && r.lastErrorMessage)).toBe(true);
    expect(rows.filter((r) => r.sendStatus === "pending").length).toBe(60 - failed.length);
    expect((await expectExactlyOnce(h.db, sim, campaignId)).contacts).toHaveLength(0);
  });

  it("on cancel, tells rows never tried from rows whose last call has no known outcome", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: 4, first: 6000 });
    await startDueCampaigns(h.db, "E");
    const [timedOut, abandoned] = await claimBatch(h.db, { campaignId, workerId: "E", limit: 2, leaseMs: 1 });
    await recordRetry(h.db, timedOut!, "E", {
      delayMs: 60_000,
      countsAsAttempt: true,
      error: { kind: "transient", name: "TimeoutError", message: "timed out" },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const skipped = await h.db.transaction(async (tx) => {
      await transitionCampaign(tx, campaignId, "running", "cancelled");
      return skipRemaining(tx, campaignId);
    });
    expect(skipped).toBe(4);
    const reasons = new Map((await ledger(h.db, campaignId)).map((r) => [r.id, r.reason]));
    expect(reasons.get(timedOut!.id)).toBe(CANCELLED_UNCERTAIN_REASON);
    expect(reasons.get(abandoned!.id)).toBe(CANCELLED_UNCERTAIN_REASON);
    expect([...reasons.values()].filter((r) => r === CANCELLED_REASON)).toHaveLength(2);
  });
});
