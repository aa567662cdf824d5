// Every valid recipient is contacted exactly once, at the rate Connect allows, while Connect fails, throttles,
// runs out of chat capacity and hangs, and while a slow answer lands after our client gave up on it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { startDispatcher } from "./dispatcher";
import { campaignRow, expectExactlyOnce, launchTestCampaign, ledger, phoneAt, startSim, waitFor, type Sim } from "./dispatch-test-kit";
import { SUPPRESSED_REASON } from "./fill-campaign";

const RECIPIENTS = 250;

describe("dispatch under injected faults", () => {
  let h: DatabaseHandle;
  let sim: Sim;

  beforeAll(async () => {
    h = await createTestDb();
    // Gateway timeout 300 ms: a Timeout fault (held 1 s) and a slow answer (400 ms) both look like a lost response.
    sim = await startSim({}, 300);
  });
  afterAll(async () => {
    await sim?.close();
    await h?.close();
  });

  it("contacts every recipient once, records each contact, and completes the campaign", async () => {
    const campaignId = await launchTestCampaign(h.db, sim, { count: RECIPIENTS });
    // Suppressed after launch: the check just before sending must catch it.
    await h.db.insert(suppressions).values({ phone: phoneAt(1007), reason: "opted out", source: "manual", createdBy: "test" });
    await sim.setConfig({
      // Below the account rate the dispatcher is given, so Connect's own quota throttles it.
      rate: 50,
      burst: 10,
      // Chats last 60 simulated minutes = 0.6 s here: about 33 new chats a second fit, fewer than the rate allows.
      maxActiveChats: 20,
      clockSpeed: 6_000,
      latencyMs: 5,
      faults: { InternalServiceException: 0.05, ThrottlingException: 0.01, Timeout: 0.02 },
      timeoutHangMs: 1_000,
    });
    const dispatcher = startDispatcher({
      db: h.db,
      gateway: sim.gateway,
      workerId: "solo",
      log: () => {},
      // The account rate is set above Connect's so that throttling really happens and the bucket adapts.
      // Many attempts: on a loaded machine even healthy calls can pass the 300 ms client timeout, and the point here
      // is that no timeout ever yields a second contact, not how many attempts a row may use.
      options: { accountSendsPerSecond: 80, leaseMs: 5_000, maxAttempts: 25, retryBaseMs: 50, retryMaxMs: 400, throttleRetryMs: 100, capacityRetryMs: 150 },
    });
    try {
      // A spell of slow answers: Connect creates the contact, but only after our client timed out on it.
      await waitFor("a first batch", async () => (await ledger(h.db, campaignId)).filter((r) => r.sendStatus === "sent").length >= 40);
      await sim.setConfig({ latencyMs: 400 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await sim.setConfig({ latencyMs: 5 });
      await waitFor("the campaign to complete", async () => (await campaignRow(h.db, campaignId)).status === "completed", 45_000, 100);
    } finally {
      await dispatcher.stop();
    }

    const rows = await ledger(h.db, campaignId);
    expect(rows).toHaveLength(RECIPIENTS);
    const suppressed = rows.filter((r) => r.sendStatus === "skipped");
    expect(suppressed.map((r) => [r.phone, r.reason])).toEqual([[phoneAt(1007), SUPPRESSED_REASON]]);
    expect(rows.filter((r) => r.sendStatus === "sent")).toHaveLength(RECIPIENTS - 1);
    expect(rows.every((r) => r.claimedBy === null && r.leaseUntil === null)).toBe(true);

    const { sent, contacts } = await expectExactlyOnce(h.db, sim, campaignId);
    expect(sent).toBe(RECIPIENTS - 1);
    expect(contacts).toHaveLength(RECIPIENTS - 1);
    expect(contacts.some((c) => c.customerAddress === phoneAt(1007))).toBe(false);

    // The run met every kind of trouble it was meant to.
    const counters = await sim.counters();
    expect(counters.faultsInjected.InternalServiceException ?? 0).toBeGreaterThan(0);
    expect(counters.faultsInjected.Timeout ?? 0).toBeGreaterThan(0);
    expect((counters.errors.ThrottlingException ?? 0) + (counters.faultsInjected.ThrottlingException ?? 0)).toBeGreaterThan(0);
    expect(counters.errors.LimitExceededException ?? 0).toBeGreaterThan(0);
    // Late answers were replayed by ClientToken instead of starting second chats.
    expect(counters.idempotentReplays).toBeGreaterThan(0);
    expect(counters.contactsCreated).toBe(RECIPIENTS - 1);

    const campaign = await campaignRow(h.db, campaignId);
    expect(campaign.finishedAt).toBeInstanceOf(Date);
    expect(campaign.waitingReason).toBeNull();
    const actions = (
      await h.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, campaignId), eq(auditLog.actorEmail, "system")))
    ).map((a) => a.action);
    expect(actions).toEqual(["campaign.started", "campaign.completed"]);
  });
});
